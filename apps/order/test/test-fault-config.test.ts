import { readOrderConfig } from '../src/config';

describe('the order test fault', () => {
  it('is off unless its variable names a customer', () => {
    expect(readOrderConfig({}).TEST_FAULT_EXIT_AFTER_COMMIT).toBeUndefined();
    expect(readOrderConfig({ TEST_FAULT_EXIT_AFTER_COMMIT: 'c-crash' }).TEST_FAULT_EXIT_AFTER_COMMIT).toBe('c-crash');
  });
});
