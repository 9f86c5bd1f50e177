import { formatMs, formatPerSecond, formatShare, parseDuration } from '../src';

describe('parseDuration', () => {
  it('reads every unit, with decimals', () => {
    expect(['500ms', '30s', '1.5s', '2m', '1h', '2d', ' 15m ', '15 m'].map(parseDuration)).toEqual([
      500, 30_000, 1500, 120_000, 3_600_000, 172_800_000, 900_000, 900_000,
    ]);
  });

  it.each(['30', 's', '-1s', '0ms', '0.0s', '1 dd', '1w', '1e3ms', ''])('refuses %p with a RangeError naming it', (text) => {
    expect(() => parseDuration(text)).toThrow(RangeError);
    expect(() => parseDuration(text)).toThrow(`"${text}"`);
  });
});

describe('formatMs', () => {
  it('keeps about three significant digits, switching to seconds at 1000 ms', () => {
    expect([0.4242, 9.5, 12.34, 245.4, 999.4, 1234, 61_000].map((ms) => formatMs(ms))).toEqual([
      '0.42 ms', '9.50 ms', '12.3 ms', '245 ms', '999 ms', '1.23 s', '61.00 s',
    ]);
  });

  it('sizes negative values (deltas) by their magnitude', () => {
    expect([formatMs(-1500), formatMs(-42.25)]).toEqual(['-1.50 s', '-42.3 ms']);
  });

  it('writes the dense report style and a chosen sign for no value', () => {
    expect([formatMs(120, { unitGap: '' }), formatMs(1200, { unitGap: '' })]).toEqual(['120ms', '1.20s']);
    expect([formatMs(null), formatMs(undefined), formatMs(Number.NaN, { missing: '-' }), formatMs(Infinity)]).toEqual(['–', '–', '-', '–']);
  });
});

describe('formatShare', () => {
  it('rounds to a whole percentage', () => {
    expect([formatShare(0), formatShare(0.914), formatShare(0.995), formatShare(1)]).toEqual(['0%', '91%', '100%', '100%']);
  });
});

describe('formatPerSecond', () => {
  it('keeps a decimal below 100/s and groups whole thousands above', () => {
    expect([11.84, 41.5, 99.94, 163.6, 1250.4].map(formatPerSecond)).toEqual(['11.8/s', '41.5/s', '99.9/s', '164/s', '1,250/s']);
  });
});
