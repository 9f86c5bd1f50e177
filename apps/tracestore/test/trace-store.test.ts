import { decodeTracesJson, type TracesData } from '@tracecart/otlp';
import { renderTracesResult } from '../src/store/render-traces';
import { summarizeTrace } from '../src/store/summarize-trace';
import { TraceStore } from '../src/store/trace-store';
import { exportBatches, makeCheckoutTrace, resourceOf } from './fixtures/checkout-traces';
import { BASE_NS } from './support/checkout-dataset';

function hexId(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

// A one-span batch: trace n, span s, from `service`, named `name`.
function oneSpan(service: string, trace: number, span: number, name: string, parent?: number): TracesData {
  return {
    resourceSpans: [
      {
        resource: resourceOf(service),
        scopeSpans: [
          {
            scope: { name: 'manual' },
            spans: [
              {
                traceId: hexId(trace, 32),
                spanId: hexId(span, 16),
                parentSpanId: parent === undefined ? undefined : hexId(parent, 16),
                name,
                kind: 2,
                startTimeUnixNano: String(BASE_NS + BigInt(span)),
                endTimeUnixNano: String(BASE_NS + BigInt(span) + 1000n),
              },
            ],
          },
        ],
      },
    ],
  };
}

// The store takes decoded exports; the receivers decode them from JSON or protobuf first.
function ingest(store: TraceStore, body: TracesData) {
  return store.ingest(decodeTracesJson(body));
}

function servicesOfRendered(store: TraceStore, traceId: string): string[] {
  const trace = store.getTrace(traceId);
  const body = JSON.parse(renderTracesResult(trace ? [trace] : [])) as { result: TracesData };
  return (body.result.resourceSpans ?? []).map((rs) => rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value?.stringValue ?? '');
}

describe('merging', () => {
  it('merges one trace sent in many batches by three services, grouped by resource', () => {
    const store = new TraceStore(10);
    const trace = makeCheckoutTrace({ index: 7, startNs: BASE_NS, items: 6 });
    const batches = exportBatches([trace], 5);
    expect(batches.length).toBeGreaterThan(6);
    for (const batch of batches) ingest(store, batch);
    const stored = store.getTrace(trace.traceId);
    expect(stored?.spanCount).toBe(trace.entries.length);
    // One group per service however many batches carried it, and each span under its own service.
    expect(servicesOfRendered(store, trace.traceId).sort()).toEqual(['gateway', 'inventory', 'order']);
    for (const group of stored?.groups ?? []) {
      const expected = trace.entries.filter((e) => e.service === group.resource.serviceName).map((e) => e.span.spanId).sort();
      expect(group.scopes.flatMap((s) => s.spans.map((span) => span.spanId)).sort()).toEqual(expected);
    }
    expect(store.stats()).toEqual({ traces: 1, spans: trace.entries.length });
  });

  it('keeps two traces of one batch apart', () => {
    const store = new TraceStore(10);
    const traces = [0, 1].map((index) => makeCheckoutTrace({ index, startNs: BASE_NS }));
    for (const batch of exportBatches(traces, 512)) ingest(store, batch);
    for (const trace of traces) expect(store.getTrace(trace.traceId)?.spanCount).toBe(trace.entries.length);
  });

  it('reads an all-zero parent id as "no parent", and counts spans whose parent never arrived', () => {
    const store = new TraceStore(10);
    const root = oneSpan('gateway', 1, 1, 'root');
    const span = root.resourceSpans?.[0].scopeSpans?.[0].spans?.[0];
    if (span) span.parentSpanId = '0000000000000000';
    ingest(store, root);
    ingest(store, oneSpan('order', 1, 2, 'child', 1));
    ingest(store, oneSpan('order', 1, 3, 'orphan', 99));
    const trace = store.getTrace(hexId(1, 32));
    if (!trace) throw new Error('trace 1 was not stored');
    const summary = summarizeTrace(trace);
    expect(summary).toMatchObject({ rootServiceName: 'gateway', rootOperationName: 'root', spanCount: 3, orphanSpanCount: 1 });
    expect(summary.services.map((s) => [s.name, s.spanCount])).toEqual([['gateway', 1], ['order', 2]]);
  });

  it('rejects only the spans without a usable trace or span id, and says which', () => {
    const store = new TraceStore(10);
    const batch = oneSpan('gateway', 1, 1, 'ok');
    const spans = batch.resourceSpans?.[0].scopeSpans?.[0].spans;
    spans?.push({ traceId: hexId(0, 32), spanId: hexId(2, 16), name: 'zero trace id' }, { traceId: hexId(1, 32), spanId: '', name: 'no span id' });
    expect(ingest(store, batch)).toEqual({
      spans: 1,
      traces: 1,
      rejectedSpans: 2,
      rejection: 'resourceSpans[0].scopeSpans[0].spans[1].traceId is empty or all zeros',
    });
    expect(store.stats()).toEqual({ traces: 1, spans: 1 });
    expect(store.getOperations('gateway').map((op) => op.name)).toEqual(['ok']);
  });
});

describe('eviction at MAX_TRACES', () => {
  it('evicts the trace that arrived first, even when it was extended later', () => {
    const store = new TraceStore(3);
    ingest(store, oneSpan('gateway', 1, 1, 'root'));
    ingest(store, oneSpan('gateway', 2, 2, 'root'));
    ingest(store, oneSpan('gateway', 3, 3, 'root'));
    ingest(store, oneSpan('order', 1, 4, 'late child', 1));
    ingest(store, oneSpan('gateway', 4, 5, 'root'));
    expect(store.getTrace(hexId(1, 32))).toBeUndefined();
    expect([2, 3, 4].map((n) => store.getTrace(hexId(n, 32))?.traceId)).toEqual([2, 3, 4].map((n) => hexId(n, 32)));
    expect(store.stats()).toEqual({ traces: 3, spans: 3 });
  });

  it('drops services and operations that only evicted traces had, and keeps shared ones', () => {
    const store = new TraceStore(2);
    ingest(store, oneSpan('legacy', 1, 1, 'GET /old'));
    ingest(store, oneSpan('gateway', 1, 2, 'GET /shared', 1));
    ingest(store, oneSpan('gateway', 2, 3, 'GET /shared'));
    expect(store.getServices()).toEqual(['gateway', 'legacy']);
    expect(store.getOperations('gateway').map((op) => op.name)).toEqual(['GET /shared']);

    ingest(store, oneSpan('gateway', 3, 4, 'GET /new'));
    expect(store.getServices()).toEqual(['gateway']);
    expect(store.getOperations('legacy')).toEqual([]);
    expect(store.getOperations('gateway').map((op) => op.name)).toEqual(['GET /new', 'GET /shared']);

    ingest(store, oneSpan('gateway', 4, 5, 'GET /new'));
    expect(store.getOperations('gateway').map((op) => op.name)).toEqual(['GET /new']);
    const query = { serviceName: 'legacy', startTimeMin: 0n, startTimeMax: BASE_NS * 2n, attributes: [], searchDepth: 10 };
    expect(store.findTraces(query)).toEqual([]);
    expect(store.findTraces({ ...query, serviceName: 'gateway' }).map((t) => t.traceId)).toEqual([hexId(4, 32), hexId(3, 32)]);
  });

  it('stays at the cap under sustained ingest', () => {
    const store = new TraceStore(50);
    const traces = Array.from({ length: 400 }, (_, index) => makeCheckoutTrace({ index, startNs: BASE_NS, items: 2 }));
    for (const batch of exportBatches(traces, 64)) ingest(store, batch);
    expect(store.stats().traces).toBe(50);
    expect(store.stats().spans).toBe(50 * traces[0].entries.length);
    expect(store.getTrace(traces[349].traceId)).toBeUndefined();
    expect(store.getTrace(traces[399].traceId)?.spanCount).toBe(traces[399].entries.length);
  });
});
