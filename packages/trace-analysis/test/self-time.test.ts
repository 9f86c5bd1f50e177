import { buildTraceTree, computeSelfTimes } from '../src';
import { labelOf, toTracesData, type SpanSpec } from '@tracecart/testkit';

function selfTimes(specs: SpanSpec[]): Record<string, number> {
  const [tree] = buildTraceTree(toTracesData(specs));
  const self = computeSelfTimes(tree);
  return Object.fromEntries(tree.spans.map((s, i) => [labelOf(s.spanId), self[i]]));
}

describe('computeSelfTimes', () => {
  it('subtracts the union of children, counting overlapping (parallel) children once', () => {
    expect(
      selfTimes([
        { id: 'root', start: 0, end: 100 },
        { id: 'a', parent: 'root', start: 10, end: 40 },
        { id: 'b', parent: 'root', start: 20, end: 50 },
        { id: 'c', parent: 'root', start: 70, end: 80 },
        { id: 'c1', parent: 'c', start: 72, end: 74.5 },
      ]),
    ).toEqual({ root: 50, a: 30, b: 30, c: 7.5, c1: 2.5 });
  });

  it('clamps children that stick out of their parent (clock skew)', () => {
    expect(
      selfTimes([
        { id: 'root', start: 10, end: 110 },
        { id: 'early', parent: 'root', start: 0, end: 30 },
        { id: 'late', parent: 'root', start: 100, end: 150 },
        { id: 'outside', parent: 'root', start: 200, end: 210 },
      ]),
    ).toEqual({ root: 70, early: 30, late: 50, outside: 10 });
  });
});
