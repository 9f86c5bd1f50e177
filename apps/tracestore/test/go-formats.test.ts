import { parseGoBool, parseGoDurationNanos, parseGoInt, parseRfc3339Nanos } from '../src/go-formats';

describe('parseRfc3339Nanos (Go time.RFC3339Nano)', () => {
  it('reads UTC and offset times with 0 to 9 fraction digits, to the nanosecond', () => {
    expect(parseRfc3339Nanos('2026-01-01T00:00:00Z')).toBe(1_767_225_600_000_000_000n);
    expect(parseRfc3339Nanos('2026-01-01T00:00:00.000000001Z')).toBe(1_767_225_600_000_000_001n);
    expect(parseRfc3339Nanos('2026-01-01T02:00:00.5+02:00')).toBe(1_767_225_600_500_000_000n);
    expect(parseRfc3339Nanos('2000-04-05T21:55:16.999999992+08:00')).toBe(BigInt(Date.UTC(2000, 3, 5, 13, 55, 16)) * 1_000_000n + 999_999_992n);
  });

  it('refuses what Go refuses', () => {
    for (const bad of ['2026-01-01', '2026-01-01 00:00:00Z', '2026-01-01T00:00:00', '2026-02-30T00:00:00Z', '2026-01-01T24:00:00Z', '1767225600']) {
      expect(() => parseRfc3339Nanos(bad)).toThrow(/^parsing time /);
    }
  });
});

describe('parseGoDurationNanos (Go time.ParseDuration)', () => {
  it('reads every unit, fractions and sums', () => {
    expect(parseGoDurationNanos('150ms')).toBe(150e6);
    expect(parseGoDurationNanos('1.5s')).toBe(1.5e9);
    expect(parseGoDurationNanos('1h2m3s')).toBe(3723e9);
    expect(parseGoDurationNanos('250us')).toBe(250e3);
    expect(parseGoDurationNanos('250µs')).toBe(250e3);
    expect(parseGoDurationNanos('7ns')).toBe(7);
    expect(parseGoDurationNanos('0')).toBe(0);
    expect(parseGoDurationNanos('-2s')).toBe(-2e9);
  });

  it('refuses a bare number or an unknown unit', () => {
    for (const bad of ['150', 'ms', '1d', '1.5.0s', '']) expect(() => parseGoDurationNanos(bad)).toThrow(/^time: invalid duration/);
  });
});

describe('parseGoBool and parseGoInt', () => {
  it('accept what strconv accepts', () => {
    expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(parseGoBool)).toEqual(Array(6).fill(true));
    expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(parseGoBool)).toEqual(Array(6).fill(false));
    expect(parseGoBool('yes')).toBeUndefined();
    expect(parseGoInt('+20')).toBe(20);
    expect(() => parseGoInt('2.5')).toThrow(/invalid syntax/);
  });
});
