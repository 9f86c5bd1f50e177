import { decodeAttributes, encodeAnyValue, findAttribute, decodeAnyValue } from '../src';

describe('attributes', () => {
  it('decodes every value kind, int64 strings as numbers', () => {
    const decoded = decodeAttributes([
      { key: 's', value: { stringValue: 'x' } },
      { key: 'b', value: { boolValue: false } },
      { key: 'i', value: { intValue: '42' } },
      { key: 'd', value: { doubleValue: 1.5 } },
      { key: 'a', value: { arrayValue: { values: [{ intValue: 1 }, { stringValue: 'y' }] } } },
      { key: 'k', value: { kvlistValue: { values: [{ key: 'n', value: { boolValue: true } }] } } },
      { key: 'empty' },
    ]);
    expect(decoded).toEqual({ s: 'x', b: false, i: 42, d: 1.5, a: [1, 'y'], k: { n: true }, empty: null });
  });

  it('round-trips values through encode and decode', () => {
    for (const v of ['a', true, 7, 2.25, [1, 'b'], { x: { y: false } }]) {
      expect(decodeAnyValue(encodeAnyValue(v))).toEqual(v);
    }
  });

  it('keeps a key named __proto__ as a plain attribute', () => {
    const decoded = decodeAttributes([{ key: '__proto__', value: { kvlistValue: { values: [{ key: 'polluted', value: { boolValue: true } }] } } }]);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect((decoded as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(decoded)).toEqual(['__proto__']);
  });

  it('finds one attribute or says it is absent', () => {
    const attrs = [{ key: 'http.route', value: { stringValue: '/orders' } }];
    expect(findAttribute(attrs, 'http.route')).toBe('/orders');
    expect(findAttribute(attrs, 'missing')).toBeUndefined();
    expect(findAttribute(undefined, 'x')).toBeUndefined();
  });
});
