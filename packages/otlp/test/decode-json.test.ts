import { decodeTracesJson, MAX_VALUE_DEPTH, OtlpDecodeError, type DecodedSpan } from '../src';

const TRACE_HEX = '5b8efff798038103d269b633813fc60c';
const SPAN_HEX = 'eee19b7ec3c1b174';
const withSpans = (...spans: unknown[]) => ({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
const good = { traceId: TRACE_HEX, spanId: SPAN_HEX, name: 'GET /', startTimeUnixNano: '1700000000000000000' };

function onlySpan(span: unknown, ids?: 'otlp' | 'hex'): DecodedSpan {
  return decodeTracesJson(withSpans(span), { ids }).resourceSpans[0].scopeSpans[0].spans[0];
}

function refusal(value: unknown, ids?: 'otlp' | 'hex'): OtlpDecodeError {
  try {
    decodeTracesJson(value, { ids });
  } catch (error) {
    if (error instanceof OtlpDecodeError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const attribute = (value: unknown) => onlySpan({ ...good, attributes: [{ key: 'k', value }] }).attributes[0].value;

describe('ids', () => {
  it('reads hex in either case and base64, always as lower-case hex', () => {
    expect(onlySpan({ ...good, traceId: TRACE_HEX.toUpperCase() }).traceId).toBe(TRACE_HEX);
    const base64 = { ...good, traceId: Buffer.from(TRACE_HEX, 'hex').toString('base64'), spanId: Buffer.from(SPAN_HEX, 'hex').toString('base64') };
    expect(onlySpan(base64)).toMatchObject({ traceId: TRACE_HEX, spanId: SPAN_HEX });
  });

  it('reads an absent or all-zero parent as none', () => {
    expect(onlySpan(good).parentSpanId).toBe('');
    expect(onlySpan({ ...good, parentSpanId: '0000000000000000' }).parentSpanId).toBe('');
  });

  it.each([
    ['too short', { ...good, traceId: 'abc' }, 'resourceSpans[0].scopeSpans[0].spans[0].traceId'],
    ['not hex', { ...good, spanId: 'zzzzzzzzzzzzzzzz' }, 'resourceSpans[0].scopeSpans[0].spans[0].spanId'],
    ['base64 of the wrong length', { ...good, spanId: 'AAECAw==' }, 'resourceSpans[0].scopeSpans[0].spans[0].spanId'],
    ['a number', { ...good, parentSpanId: 12 }, 'resourceSpans[0].scopeSpans[0].spans[0].parentSpanId'],
  ])('refuses an id that is %s, naming the field', (_what, span, field) => {
    const error = refusal(withSpans(span));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(/hex characters/);
  });

  it('takes short hex and refuses base64 when ids are hex', () => {
    expect(onlySpan({ ...good, traceId: 'AB', spanId: '01' }, 'hex')).toMatchObject({ traceId: 'ab', spanId: '01' });
    expect(refusal(withSpans({ ...good, spanId: 'APBnqguqArc=' }), 'hex').field).toBe('resourceSpans[0].scopeSpans[0].spans[0].spanId');
  });
});

describe('numbers and enums', () => {
  it('reads 64-bit times from strings and numbers, and fills proto3 defaults', () => {
    const span = onlySpan({ ...good, startTimeUnixNano: '18446744073709551615', endTimeUnixNano: 1_700_000_000_000_000_000 });
    expect(span.startTimeUnixNano).toBe(18446744073709551615n);
    expect(span.endTimeUnixNano).toBe(1_700_000_000_000_000_000n);
    expect(span).toMatchObject({ kind: 0, flags: 0, traceState: '', events: [], links: [], status: { code: 0, message: '' } });
  });

  it('reads enums by number or name', () => {
    expect(onlySpan({ ...good, kind: 'SPAN_KIND_CLIENT', status: { code: 'STATUS_CODE_ERROR' } })).toMatchObject({ kind: 3, status: { code: 2 } });
    expect(refusal(withSpans({ ...good, kind: 9 })).message).toMatch(/kind: must be an integer from 0 to 5/);
  });

  it.each([['1.5e18'], [-1], [1e30], [Number.NaN], [{}], ['18446744073709551616']])('refuses the time %p', (time) => {
    expect(refusal(withSpans({ ...good, startTimeUnixNano: time })).field).toBe('resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano');
  });
});

describe('attribute values', () => {
  it('reads every kind, int64 as decimal strings and doubles as proto3 JSON spells them', () => {
    expect(attribute({ stringValue: 'x' })).toEqual({ stringValue: 'x' });
    expect(attribute({ boolValue: false })).toEqual({ boolValue: false });
    expect(attribute({ intValue: 42 })).toEqual({ intValue: '42' });
    expect(attribute({ intValue: '-9223372036854775808' })).toEqual({ intValue: '-9223372036854775808' });
    expect(attribute({ doubleValue: '2.5' })).toEqual({ doubleValue: 2.5 });
    expect(attribute({ doubleValue: 'NaN' })).toEqual({ doubleValue: 'NaN' });
    expect(attribute({ bytesValue: 'aGk=' })).toEqual({ bytesValue: 'aGk=' });
    expect(attribute({ arrayValue: { values: [{ intValue: 1 }, { stringValue: 'y' }] } })).toEqual({
      arrayValue: { values: [{ intValue: '1' }, { stringValue: 'y' }] },
    });
    expect(attribute({ kvlistValue: { values: [{ key: 'n' }] } })).toEqual({ kvlistValue: { values: [{ key: 'n', value: {} }] } });
    expect(attribute(undefined)).toEqual({});
  });

  it('ignores unknown fields, as OTLP/JSON receivers must', () => {
    expect(attribute({ stringValue: 'x', futureField: 1 })).toEqual({ stringValue: 'x' });
    expect(onlySpan({ ...good, somethingNew: true })).not.toHaveProperty('somethingNew');
  });

  it('refuses two members at once, a value out of int64 range, and a key that is not a string', () => {
    expect(refusal(withSpans({ ...good, attributes: [{ key: 'k', value: { stringValue: 'a', boolValue: true } }] })).message).toMatch(
      /attributes\[0\]\.value: sets stringValue and boolValue/,
    );
    expect(refusal(withSpans({ ...good, attributes: [{ key: 'k', value: { intValue: '9223372036854775808' } }] })).field).toBe(
      'resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue',
    );
    expect(refusal(withSpans({ ...good, attributes: [{ value: {} }] })).field).toBe('resourceSpans[0].scopeSpans[0].spans[0].attributes[0].key');
  });

  it(`refuses values nested deeper than ${MAX_VALUE_DEPTH} levels instead of overflowing the stack`, () => {
    let value: Record<string, unknown> = { stringValue: 'leaf' };
    for (let i = 0; i < 100_000; i++) value = { kvlistValue: { values: [{ key: 'k', value }] } };
    expect(refusal(withSpans({ ...good, attributes: [{ key: 'deep', value }] })).message).toMatch(/nests deeper than/);
  });
});

describe('structure', () => {
  it.each([
    ['a body that is not an object', [], '', 'object'],
    ['resourceSpans not a list', { resourceSpans: {} }, 'resourceSpans', 'array'],
    ['a span not an object', withSpans(5), 'resourceSpans[0].scopeSpans[0].spans[0]', 'object'],
    ['an event not an object', withSpans({ ...good, events: [{ name: 'ok' }, 5] }), 'resourceSpans[0].scopeSpans[0].spans[0].events[1]', 'object'],
    ['a resource not an object', { resourceSpans: [{ resource: 'r' }] }, 'resourceSpans[0].resource', 'object'],
  ])('refuses %s, saying what was expected', (_what, body, field, expected) => {
    const error = refusal(body);
    expect(error.field).toBe(field);
    expect(error.expected).toBe(expected);
  });

  it('takes an empty export', () => {
    expect(decodeTracesJson({})).toEqual({ resourceSpans: [] });
    expect(decodeTracesJson({ resourceSpans: [{}] }).resourceSpans[0]).toEqual({
      resource: { attributes: [], droppedAttributesCount: 0 },
      scopeSpans: [],
      schemaUrl: '',
    });
  });
});
