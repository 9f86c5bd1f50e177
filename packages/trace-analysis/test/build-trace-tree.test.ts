import { buildTraceTree, summarizeTree } from '../src';
import { idOf, labelOf, toTracesData, TRACE_ID, type SpanSpec } from '@tracecart/testkit';

const labels = (tree: ReturnType<typeof buildTraceTree>[number], indexes: number[]) => indexes.map((i) => labelOf(tree.spans[i].spanId));

describe('buildTraceTree', () => {
  it('builds a waterfall-ordered tree with children sorted by start and times relative to the trace', () => {
    const [tree] = buildTraceTree(
      toTracesData([
        { id: 'b', parent: 'root', start: 40, end: 60, service: 'inventory' },
        { id: 'root', start: 5, end: 105, service: 'gateway' },
        { id: 'a', parent: 'root', start: 10, end: 30, service: 'order' },
        { id: 'a1', parent: 'a', start: 12, end: 20, service: 'order' },
      ]),
    );
    expect(labels(tree, tree.spans.map((_, i) => i))).toEqual(['root', 'a', 'a1', 'b']);
    expect(labels(tree, tree.spans[0].children)).toEqual(['a', 'b']);
    expect(tree.spans.map((s) => s.depth)).toEqual([0, 1, 2, 1]);
    expect(tree.spans.map((s) => [s.startNs, s.endNs])).toEqual([[0, 100e6], [5e6, 25e6], [7e6, 15e6], [35e6, 55e6]]);
    expect(tree.spans[3].service).toBe('inventory');
    expect(tree.traceId).toBe(TRACE_ID);
    expect(tree.originUnixNano).toBe('1700000000005000000');
    expect(tree.durationNs).toBe(100e6);
    expect(labels(tree, tree.roots)).toEqual(['root']);
  });

  it('splits one TracesData holding several traces', () => {
    const other = 'ffffffffffffffffffffffffffffffff';
    const trees = buildTraceTree(toTracesData([{ id: 'r1', start: 0, end: 10 }, { id: 'r2', start: 0, end: 20, traceId: other }, { id: 'c1', parent: 'r1', start: 1, end: 2 }]));
    expect(trees.map((t) => [t.traceId, t.spans.length])).toEqual([[TRACE_ID, 2], [other, 1]]);
  });

  it('treats spans whose parent is missing as extra roots and reports them as orphans', () => {
    const [tree] = buildTraceTree(toTracesData([{ id: 'root', start: 0, end: 100 }, { id: 'lost', parent: 'gone', start: 10, end: 20 }, { id: 'kid', parent: 'lost', start: 11, end: 12 }]));
    expect(labels(tree, tree.roots)).toEqual(['root', 'lost']);
    expect(labels(tree, tree.orphans)).toEqual(['lost']);
    expect(tree.spans[tree.orphans[0]].parentSpanId).toBe(idOf('gone'));
    expect(summarizeTree(tree).orphanSpanIds).toEqual([idOf('lost')]);
    expect(summarizeTree(tree).rootSpanId).toBe(idOf('root'));
  });

  it('keeps the first of duplicate span ids and reports them', () => {
    const [tree] = buildTraceTree(toTracesData([{ id: 'root', start: 0, end: 100 }, { id: 'a', parent: 'root', start: 10, end: 20 }, { id: 'a', parent: 'root', start: 50, end: 90 }]));
    expect(tree.spans).toHaveLength(2);
    expect(tree.spans[1].endNs).toBe(20e6);
    expect(tree.duplicateSpanIds).toEqual([idOf('a')]);
  });

  it('cuts parent cycles at their earliest span so every span stays in the tree', () => {
    const specs: SpanSpec[] = [
      { id: 'root', start: 0, end: 100 },
      { id: 'x', parent: 'z', start: 20, end: 30 },
      { id: 'y', parent: 'x', start: 10, end: 40 },
      { id: 'z', parent: 'y', start: 15, end: 35 },
      { id: 'tail', parent: 'z', start: 16, end: 17 },
      { id: 'self', parent: 'self', start: 50, end: 60 },
    ];
    const [tree] = buildTraceTree(toTracesData(specs));
    expect(tree.spans).toHaveLength(6);
    expect(labels(tree, tree.cycleBreaks).sort()).toEqual(['self', 'y']);
    expect(labels(tree, tree.roots)).toEqual(['root', 'y', 'self']);
    expect(labels(tree, tree.spans.map((_, i) => i))).toEqual(['root', 'y', 'z', 'tail', 'x', 'self']);
    expect(summarizeTree(tree).cycleBreakSpanIds.map(labelOf).sort()).toEqual(['self', 'y']);
  });

  it('builds a 100,000-deep chain without recursion', () => {
    const specs: SpanSpec[] = [];
    for (let i = 0; i < 100_000; i++) specs.push({ id: `s${i}`, parent: i === 0 ? undefined : `s${i - 1}`, start: i * 0.001, end: 1000 - i * 0.001 });
    const [tree] = buildTraceTree(toTracesData(specs));
    expect(tree.spans).toHaveLength(100_000);
    expect(tree.spans[99_999].depth).toBe(99_999);
    expect(summarizeTree(tree).maxDepth).toBe(99_999);
  });

  it('accepts the /api/v3 envelope, arrays of batches, numeric times and enum names', () => {
    const batch = (spanId: string, parentSpanId?: string) => ({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID.toUpperCase(), spanId, parentSpanId, name: 'n', kind: 'SPAN_KIND_SERVER', startTimeUnixNano: 1e9, endTimeUnixNano: 2e9 }] }] }],
    });
    const trees = buildTraceTree([{ result: batch('00000000000000aa') }, batch('00000000000000bb', '00000000000000aa')]);
    expect(trees).toHaveLength(1);
    expect(trees[0].traceId).toBe(TRACE_ID);
    expect(trees[0].spans.map((s) => [s.spanId, s.kind, s.service, s.endNs - s.startNs])).toEqual([
      ['00000000000000aa', 2, 'unknown_service', 1e9],
      ['00000000000000bb', 2, 'unknown_service', 1e9],
    ]);
    expect(trees[0].spans[1].parent).toBe(0);
  });

  it('fills a missing time from the other end and turns an end before the start into zero length', () => {
    const span = (spanId: string, times: object) => ({ traceId: TRACE_ID, spanId, ...times });
    const data = { resourceSpans: [{ scopeSpans: [{ spans: [span('01', { startTimeUnixNano: '1700000000000000000' }), span('02', { endTimeUnixNano: '1700000000002000000' }), span('03', { startTimeUnixNano: '1700000000003000000', endTimeUnixNano: '1700000000001000000' })] }] }] };
    const [tree] = buildTraceTree(data);
    expect(tree.spans.map((s) => [s.spanId, s.startNs, s.endNs])).toEqual([['01', 0, 0], ['02', 2e6, 2e6], ['03', 3e6, 3e6]]);
    expect(tree.durationNs).toBe(3e6);
  });

  it('treats an all-zero parent id as no parent and returns no trees for no spans', () => {
    const [tree] = buildTraceTree({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: '01', parentSpanId: '0000000000000000' }] }] }] });
    expect(tree.orphans).toEqual([]);
    expect(tree.spans[0].parentSpanId).toBeUndefined();
    expect(buildTraceTree({})).toEqual([]);
    expect(buildTraceTree({ resourceSpans: [] })).toEqual([]);
  });
});
