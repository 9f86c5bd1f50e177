import { buildTraceTree, diagnose, TraceAnalysisError } from '../src';
import { TRACE_ID } from '@tracecart/testkit';

const withSpan = (span: unknown) => ({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
const good = { traceId: TRACE_ID, spanId: '00f067aa0ba902b7', startTimeUnixNano: '1700000000000000000', endTimeUnixNano: '1700000000001000000' };

function refusal(input: unknown): TraceAnalysisError {
  try {
    buildTraceTree(input);
  } catch (error) {
    if (error instanceof TraceAnalysisError) return error;
    throw new Error(`expected a TraceAnalysisError, got ${String(error)}`);
  }
  throw new Error('expected the input to be refused');
}

describe('malformed input', () => {
  it.each([
    ['null', null, 'invalid_input', '$'],
    ['a string', '{"resourceSpans":[]}', 'invalid_input', '$'],
    ['a number', 42, 'invalid_input', '$'],
    ['resourceSpans not a list', { resourceSpans: {} }, 'invalid_input', '$.resourceSpans'],
    ['a resource not an object', { resourceSpans: [7] }, 'invalid_input', '$.resourceSpans[0]'],
    ['spans not a list', { resourceSpans: [{ scopeSpans: [{ spans: 'x' }] }] }, 'invalid_input', '$.resourceSpans[0].scopeSpans[0].spans'],
    ['a span not an object', withSpan([]), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0]'],
    ['a span without an id', withSpan({ ...good, spanId: undefined }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].spanId'],
    ['a span without a trace id', withSpan({ ...good, traceId: '' }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].traceId'],
    ['a base64 span id', withSpan({ ...good, spanId: 'APBnqguqArc=' }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].spanId'],
    ['a numeric span id', withSpan({ ...good, spanId: 12 }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].spanId'],
    ['a non-hex parent id', withSpan({ ...good, parentSpanId: 'zz' }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].parentSpanId'],
    ['a decimal time', withSpan({ ...good, startTimeUnixNano: '1.5e18' }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano'],
    ['a negative time', withSpan({ ...good, endTimeUnixNano: -1 }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].endTimeUnixNano'],
    ['a numeric time beyond 20 digits', withSpan({ ...good, startTimeUnixNano: 1e30 }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano'],
    ['a time that is NaN', withSpan({ ...good, startTimeUnixNano: NaN }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano'],
    ['a time that is an object', withSpan({ ...good, endTimeUnixNano: {} }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].endTimeUnixNano'],
    ['attributes not a list', withSpan({ ...good, attributes: { a: 1 } }), 'invalid_input', '$.resourceSpans[0].scopeSpans[0].spans[0].attributes'],
    ['an attribute without a key', withSpan({ ...good, attributes: [{ value: {} }] }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].attributes[0]'],
    ['a list value that is not a list', withSpan({ ...good, attributes: [{ key: 'k', value: { arrayValue: { values: 5 } } }] }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].attributes'],
    ['an event that is not an object', withSpan({ ...good, events: [1] }), 'invalid_span', '$.resourceSpans[0].scopeSpans[0].spans[0].events[0]'],
    ['an envelope whose result is not an object', { result: 'nope' }, 'invalid_input', '$.result'],
  ])('refuses %s with a typed error naming the field', (_what, input, code, path) => {
    const error = refusal(input);
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('refuses absurdly nested attribute values instead of overflowing the stack', () => {
    let value: Record<string, unknown> = { stringValue: 'leaf' };
    for (let i = 0; i < 200_000; i++) value = { kvlistValue: { values: [{ key: 'k', value }] } };
    expect(refusal(withSpan({ ...good, attributes: [{ key: 'deep', value }] })).code).toBe('invalid_span');
  });

  it('refuses an empty input, an unknown trace id and an ambiguous one in diagnose', () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as TraceAnalysisError).code;
      }
      return 'no error';
    };
    const two = { resourceSpans: [{ scopeSpans: [{ spans: [good, { ...good, traceId: 'ab' }] }] }] };
    expect(codeOf(() => diagnose({ resourceSpans: [] }))).toBe('no_trace');
    expect(codeOf(() => diagnose(two))).toBe('several_traces');
    expect(codeOf(() => diagnose(two, { traceId: 'cd' }))).toBe('trace_not_found');
    expect(diagnose(two, { traceId: 'AB' }).summary.traceId).toBe('ab');
  });
});

describe('hostile attributes', () => {
  it('drops a __proto__ attribute instead of letting it fake other attributes', () => {
    const attributes = [{ key: '__proto__', value: { kvlistValue: { values: [{ key: 'feature.enabled', value: { boolValue: false } }] } } }];
    const [tree] = buildTraceTree(withSpan({ ...good, attributes }));
    expect(tree.spans[0].attributes['feature.enabled']).toBeUndefined();
    expect(Object.getPrototypeOf(tree.spans[0].attributes)).toBe(Object.prototype);
  });
});
