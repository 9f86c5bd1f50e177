import { toTracesData } from '@tracecart/testkit';
import { buildTraceTree, TraceAnalysisError } from '../src';

// The analysis reads traces through the shared OTLP/JSON decoder: whatever proto3 JSON allows
// is read the same way here as in the trace store.
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const span = (fields: Record<string, unknown>) => ({ traceId: TRACE_ID, spanId: '00f067aa0ba902b7', ...fields });
const resourceOf = (service: string) => toTracesData([{ id: 'any', service, start: 0, end: 1 }]).resourceSpans?.[0].resource;
const tracesData = (spans: unknown[], service?: string) => ({
  resourceSpans: [{ resource: service ? resourceOf(service) : undefined, scopeSpans: [{ spans }] }],
});

it('reads enums by name, times as numbers or strings, and int64 attributes as numbers', () => {
  const input = tracesData(
    [
      span({
        name: 'GET /products/:sku',
        kind: 'SPAN_KIND_SERVER',
        status: { code: 'STATUS_CODE_ERROR' },
        startTimeUnixNano: 1_700_000_000_000_000_000,
        endTimeUnixNano: '1700000000002500000',
        attributes: [{ key: 'lab.rows', value: { intValue: '503' } }],
        events: [{ name: 'chaos.error', attributes: [{ key: 'rate', value: { doubleValue: '0.5' } }] }],
      }),
    ],
    'inventory',
  );
  const [tree] = buildTraceTree({ result: input });
  expect(tree.spans[0]).toMatchObject({
    service: 'inventory',
    kind: 2,
    isError: true,
    endNs: 2_500_000,
    attributes: { 'lab.rows': 503 },
    events: [{ name: 'chaos.error', attributes: { rate: 0.5 } }],
  });
  expect(tree.originUnixNano).toBe('1700000000000000000');
});

it('names a service-less resource unknown_service and reads an array of inputs as one', () => {
  const other = span({ spanId: '00f067aa0ba902b8', parentSpanId: '00f067aa0ba902b7', startTimeUnixNano: '1700000000001000000' });
  const [tree] = buildTraceTree([tracesData([span({ startTimeUnixNano: '1700000000000000000' })]), { result: tracesData([other], 'order') }]);
  expect(tree.spans.map((s) => [s.service, s.parent])).toEqual([
    ['unknown_service', -1],
    ['order', 0],
  ]);
});

it('refuses an enum name it does not know, naming the field', () => {
  expect(() => buildTraceTree(tracesData([span({ kind: 'SPAN_KIND_SIDEWAYS' })]))).toThrow(
    new TraceAnalysisError('invalid_span', 'must be an integer from 0 to 5 or a SpanKind name', '$.resourceSpans[0].scopeSpans[0].spans[0].kind'),
  );
});
