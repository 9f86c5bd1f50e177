import type { TracesData } from '@tracecart/otlp';
import { splitTracesById } from '../src';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

function resource(service: string) {
  return { attributes: [{ key: 'service.name', value: { stringValue: service } }] };
}

describe('splitTracesById', () => {
  it('gives each trace its own TracesData, keeping spans under their resource and scope', () => {
    const data: TracesData = {
      resourceSpans: [
        {
          resource: resource('gateway'),
          scopeSpans: [
            {
              scope: { name: 'http' },
              spans: [
                { traceId: A, spanId: '1'.repeat(16), name: 'POST /api/checkout' },
                { traceId: B, spanId: '2'.repeat(16), name: 'GET /api/products/:sku' },
              ],
            },
          ],
        },
        { resource: resource('order'), scopeSpans: [{ scope: { name: 'pg' }, spans: [{ traceId: A.toUpperCase(), spanId: '3'.repeat(16), name: 'INSERT' }] }] },
      ],
    };
    const byTrace = splitTracesById(data);
    expect([...byTrace.keys()]).toEqual([A, B]);
    const a = byTrace.get(A);
    expect(a?.resourceSpans?.map((rs) => rs.resource?.attributes?.[0].value?.stringValue)).toEqual(['gateway', 'order']);
    expect(a?.resourceSpans?.[0].scopeSpans?.[0]).toMatchObject({ scope: { name: 'http' }, spans: [{ spanId: '1'.repeat(16) }] });
    expect(byTrace.get(B)?.resourceSpans).toHaveLength(1);
    // The input is left as it was.
    expect(data.resourceSpans?.[0].scopeSpans?.[0].spans).toHaveLength(2);
  });

  it('returns an empty map for an empty TracesData', () => {
    expect(splitTracesById({}).size).toBe(0);
  });
});
