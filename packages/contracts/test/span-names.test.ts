import { FIX_ATTRIBUTE_PREFIX, FIX_ATTRIBUTES, fixAttributeOf, LAB_ATTRIBUTES, LAB_EVENTS, LAB_NAMESPACE, LAB_SPANS } from '../src';

describe('span names', () => {
  const all = [...Object.values(LAB_ATTRIBUTES), ...Object.values(LAB_EVENTS), ...Object.values(LAB_SPANS)];

  it('keeps every name the lab writes in its own namespace, each spelled once', () => {
    for (const name of all) expect(name.startsWith(LAB_NAMESPACE)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('derives the fix attributes from the flag names', () => {
    expect(fixAttributeOf('fix.index')).toBe('lab.fix.index');
    expect(FIX_ATTRIBUTES).toEqual(['lab.fix.index', 'lab.fix.cache', 'lab.fix.batch']);
    for (const name of FIX_ATTRIBUTES) expect(name.startsWith(FIX_ATTRIBUTE_PREFIX)).toBe(true);
  });
});
