import { DEFAULT_FLAGS, fixAttributes } from '../src';

describe('fixAttributes', () => {
  it('records every fix switch, and only those, under its lab.fix.* attribute', () => {
    expect(fixAttributes({ ...DEFAULT_FLAGS, 'fix.cache': true })).toEqual({ 'lab.fix.index': false, 'lab.fix.cache': true, 'lab.fix.batch': false });
  });
});
