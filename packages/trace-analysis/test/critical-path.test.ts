import { buildTraceTree, computeCriticalPath } from '../src';
import { labelOf, toTracesData, type SpanSpec } from '@tracecart/testkit';

function pathOf(specs: SpanSpec[]) {
  const [tree] = buildTraceTree(toTracesData(specs));
  const path = computeCriticalPath(tree);
  return {
    totalMs: path.totalMs,
    segments: path.segments.map((s) => [labelOf(s.spanId), s.startMs, s.endMs]),
    byLabel: Object.fromEntries(path.spans.map((s) => [labelOf(s.spanId), s.criticalMs])),
  };
}

describe('computeCriticalPath', () => {
  it('walks sequential children back to front, blaming the parent for the gaps', () => {
    const p = pathOf([
      { id: 'root', start: 0, end: 100 },
      { id: 'a', parent: 'root', start: 10, end: 30 },
      { id: 'b', parent: 'root', start: 40, end: 90 },
    ]);
    expect(p.segments).toEqual([['root', 0, 10], ['a', 10, 30], ['root', 30, 40], ['b', 40, 90], ['root', 90, 100]]);
    expect(p.byLabel).toEqual({ root: 30, a: 20, b: 50 });
    expect(p.totalMs).toBe(100);
  });

  it('skips children that overlap the one after them (only the last finisher counts)', () => {
    // c ends last; a is the latest child to end before c started; b overlaps c and is skipped.
    const p = pathOf([
      { id: 'root', start: 0, end: 100 },
      { id: 'a', parent: 'root', start: 5, end: 60 },
      { id: 'b', parent: 'root', start: 10, end: 80 },
      { id: 'c', parent: 'root', start: 70, end: 95 },
    ]);
    expect(p.segments).toEqual([['root', 0, 5], ['a', 5, 60], ['root', 60, 70], ['c', 70, 95], ['root', 95, 100]]);
    expect(p.byLabel).toEqual({ root: 20, a: 55, c: 25 });
  });

  it('recurses into grandchildren and returns to the parent at the child start', () => {
    // In a: a2 ends last; a1 ended after a2 started, so a itself holds [10, 20].
    const p = pathOf([
      { id: 'root', start: 0, end: 100 },
      { id: 'a', parent: 'root', start: 10, end: 50 },
      { id: 'a1', parent: 'a', start: 15, end: 25 },
      { id: 'a2', parent: 'a', start: 20, end: 45 },
      { id: 'b', parent: 'root', start: 50, end: 100 },
      { id: 'b1', parent: 'b', start: 60, end: 80 },
    ]);
    expect(p.segments).toEqual([['root', 0, 10], ['a', 10, 20], ['a2', 20, 45], ['a', 45, 50], ['b', 50, 60], ['b1', 60, 80], ['b', 80, 100]]);
    expect(p.byLabel).toEqual({ root: 10, a: 15, a2: 25, b: 30, b1: 20 });
    expect(p.totalMs).toBe(100);
  });

  it('keeps a call that seems to end within a millisecond after the next began, when both start on whole milliseconds', () => {
    // OpenTelemetry JS: starts from Date.now(), ends as start + precise duration. The reservation
    // call really ended before the INSERT began, but reads 0.32 ms later; it must stay on the path.
    const trace = (postStart: number, insertStart: number) =>
      pathOf([
        { id: 'ord', start: 0, end: 187.11 },
        { id: 'get', parent: 'ord', start: 52, end: 80.14 },
        { id: 'post', parent: 'ord', start: postStart, end: 184.32 },
        { id: 'res', parent: 'post', start: 82, end: 185.31 },
        { id: 'upd', parent: 'res', start: 84, end: 181.22 },
        { id: 'ins', parent: 'ord', start: insertStart, end: 184.7 },
        { id: 'commit', parent: 'ord', start: 186, end: 186.23 },
      ]);
    const p = trace(81, 184);
    expect(p.byLabel.upd).toBeCloseTo(97.22, 6);
    // Cut where the INSERT starts, so no time counts twice.
    expect(p.segments).toContainEqual(['post', 81, 82]);
    expect(p.segments).toContainEqual(['res', 181.22, 184]);
    expect(p.segments).toContainEqual(['ins', 184, 184.7]);
    expect(p.totalMs).toBeCloseTo(187.11, 6);
    // Order's own time: before the lookup, between the calls, and around the COMMIT.
    expect(p.byLabel.ord).toBeCloseTo(52 + 0.86 + 1.3 + 0.88, 6);
    // Precise starts keep the strict rule: the overlapping call is not on the path.
    const strict = trace(81.4, 184.1);
    expect(strict.byLabel.upd).toBeUndefined();
    expect(strict.byLabel.ord).toBeCloseTo(52 + (184.1 - 80.14) + 1.3 + 0.88, 6);
  });

  it('keeps a child that ended exactly when the next began', () => {
    const p = pathOf([
      { id: 'root', start: 0, end: 100 },
      { id: 'a', parent: 'root', start: 0, end: 50 },
      { id: 'b', parent: 'root', start: 50, end: 100 },
    ]);
    expect(p.byLabel).toEqual({ a: 50, b: 50 });
  });

  it('clamps children to their parent when clocks are skewed, and ignores children wholly outside', () => {
    // Times are from the trace's earliest start, which is the skewed child's.
    const p = pathOf([
      { id: 'root', start: 10, end: 110 },
      { id: 'early', parent: 'root', start: 0, end: 50 },
      { id: 'late', parent: 'root', start: 90, end: 140 },
      { id: 'lateKid', parent: 'late', start: 100, end: 135 },
      { id: 'outside', parent: 'root', start: 120, end: 130 },
    ]);
    expect(p.segments).toEqual([['early', 10, 50], ['root', 50, 90], ['late', 90, 100], ['lateKid', 100, 110]]);
    expect(p.byLabel).toEqual({ early: 40, root: 40, late: 10, lateKid: 10 });
    expect(p.totalMs).toBe(100);
  });

  it('starts at the true root and ignores orphans inside it, or spans all orphans when the root is missing', () => {
    const withRoot = pathOf([
      { id: 'root', start: 0, end: 100 },
      { id: 'orphan', parent: 'gone', start: 20, end: 120 },
    ]);
    expect(withRoot.byLabel).toEqual({ root: 100 });
    const noRoot = pathOf([
      { id: 'o1', parent: 'gone', start: 0, end: 30 },
      { id: 'o2', parent: 'gone', start: 20, end: 50 },
      { id: 'o3', parent: 'gone', start: 60, end: 80 },
    ]);
    // o3 ends last; o2 is the latest to end before o3 started; o1 overlaps o2; gaps belong to no span.
    expect(noRoot.segments).toEqual([['o2', 20, 50], ['o3', 60, 80]]);
    expect(noRoot.totalMs).toBe(50);
  });

  it('does not loop on zero-length children and returns an empty path for a zero-length trace', () => {
    const p = pathOf([
      { id: 'root', start: 0, end: 10 },
      { id: 'z1', parent: 'root', start: 5, end: 5 },
      { id: 'z2', parent: 'root', start: 5, end: 5 },
    ]);
    expect(p.byLabel).toEqual({ root: 10 });
    expect(pathOf([{ id: 'root', start: 3, end: 3 }])).toEqual({ totalMs: 0, segments: [], byLabel: {} });
  });

  it('walks a 100,000-deep chain without recursion and a cycle without hanging', () => {
    const chain: SpanSpec[] = [];
    for (let i = 0; i < 100_000; i++) chain.push({ id: `s${i}`, parent: i === 0 ? undefined : `s${i - 1}`, start: i * 0.001, end: 1000 - i * 0.001 });
    const p = pathOf(chain);
    expect(p.totalMs).toBe(1000);
    expect(p.segments).toHaveLength(2 * 100_000 - 1);
    const cyclic = pathOf([
      { id: 'x', parent: 'y', start: 0, end: 50 },
      { id: 'y', parent: 'x', start: 10, end: 20 },
    ]);
    expect(cyclic.byLabel).toEqual({ x: 40, y: 10 });
  });
});
