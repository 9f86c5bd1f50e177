import { parseFlagValue } from '../src/commands/flag-value';
import { UsageError } from '../src/command';

describe('lab flags set VALUE', () => {
  it('reads on/off words, key=value pairs and JSON', () => {
    expect(parseFlagValue(['on'])).toBe(true);
    expect(parseFlagValue(['OFF'])).toBe(false);
    expect(parseFlagValue(['ms=200', 'rate=0.1'])).toEqual({ ms: 200, rate: 0.1 });
    expect(parseFlagValue(['{"rate":', '0.5}'])).toEqual({ rate: 0.5 });
  });

  it('refuses what it cannot read, as a usage error', () => {
    expect(() => parseFlagValue([])).toThrow(UsageError);
    expect(() => parseFlagValue(['maybe'])).toThrow(/cannot read "maybe"/);
  });
});
