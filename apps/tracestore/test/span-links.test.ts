// Span links through the store: a consumer span that links (not parents) to the producer span
// of another trace is exported over real OTLP/HTTP, in both encodings, and read back from
// /api/v3/traces/{id} with its links as Jaeger's api_v3 writes them (OTLP JSON
// `resourceSpans…spans[].links[]` with hex traceId and spanId), so the analysis can follow them.
import { buildTraceTree, linkedTraceIds } from '@tracecart/trace-analysis';
import type { TracesData } from '@tracecart/otlp';
import { BASE_NS } from './support/checkout-dataset';
import { JSON_TYPE, PROTOBUF_TYPE, startTestTracestore, toProtobuf, type RunningTracestore } from './support/running-tracestore';

const PRODUCER_TRACE = 'aa11bb22cc33dd44ee55ff6677889900';
const PRODUCER_SPAN = '1122334455667788';

let tracestore: RunningTracestore;
beforeAll(async () => {
  tracestore = await startTestTracestore();
});
afterAll(() => tracestore.close());

// A delivery's trace: one CONSUMER span, root of its own trace, linked to the checkout's producer span.
function consumerExport(traceId: string, spanId: string): TracesData {
  const start = BASE_NS + 5_000_000_000n;
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'fulfilment' } }] },
        scopeSpans: [
          {
            scope: { name: 'queue' },
            spans: [
              {
                traceId,
                spanId,
                name: 'process order.placed',
                kind: 5,
                startTimeUnixNano: start.toString(),
                endTimeUnixNano: (start + 85_000_000n).toString(),
                attributes: [{ key: 'messaging.destination.name', value: { stringValue: 'order.placed' } }],
                links: [{ traceId: PRODUCER_TRACE, spanId: PRODUCER_SPAN, traceState: 'vendor=1', attributes: [{ key: 'messaging.message.id', value: { stringValue: '42' } }] }],
              },
            ],
          },
        ],
      },
    ],
  };
}

const ENCODINGS = [
  { name: 'JSON', contentType: JSON_TYPE, traceId: '0000000000000000000000000000a001', encode: (body: TracesData) => JSON.stringify(body) },
  { name: 'protobuf', contentType: PROTOBUF_TYPE, traceId: '0000000000000000000000000000a002', encode: toProtobuf },
];

describe('span links in the store', () => {
  it.each(ENCODINGS)('returns a link exported as $name on /api/v3/traces/{id}', async ({ contentType, traceId, encode }) => {
    const spanId = traceId.slice(16);
    expect((await tracestore.post(encode(consumerExport(traceId, spanId)), { contentType })).status).toBe(200);
    const response = await tracestore.get(`/api/v3/traces/${traceId}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: TracesData };
    const span = body.result.resourceSpans?.[0].scopeSpans?.[0].spans?.[0];
    expect(span).toMatchObject({ traceId, spanId, kind: 5 });
    expect(span?.parentSpanId).toBeUndefined();
    expect(span?.links).toEqual([{ traceId: PRODUCER_TRACE, spanId: PRODUCER_SPAN, traceState: 'vendor=1', attributes: [{ key: 'messaging.message.id', value: { stringValue: '42' } }] }]);
    // What the console and CLI read from it: placed by the producer's trace.
    const [tree] = buildTraceTree(body);
    expect(linkedTraceIds(tree)).toEqual([{ traceId: PRODUCER_TRACE, links: [{ fromSpanId: spanId, toSpanId: PRODUCER_SPAN }] }]);
  });
});
