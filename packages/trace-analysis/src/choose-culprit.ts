import { metricsOf } from './trace-metrics';
import type { SpanGroup } from './span-groups';
import type { SequentialCalls } from './find-sequential-calls';
import { shareOf, toMs } from './units';
import type { Culprit, TraceTree, Verdict } from './types';

/** A candidate culprit and the spans whose subtrees make it up. */
export interface CulpritChoice {
  culprit: Culprit;
  criticalNs: number;
  members: number[];
  /** The member with the most critical time; attributes are read from it. */
  primary: number;
  /** Whether criticalNs counts the members' descendants too (N+1 runs) or only the members (groups). */
  withSubtrees: boolean;
  pattern: NonNullable<Verdict['pattern']>;
  /** The run of sequential calls the culprit is (or sits in), if any. */
  run: SequentialCalls | undefined;
}

/** The runs and, per span, the innermost run it belongs to or sits under (-1 for none). */
export interface RunIndex {
  runs: SequentialCalls[];
  runOf: Int32Array;
}

/** Indexes the runs of a tree once, for every candidate to use. */
export function indexRuns(tree: TraceTree, runs: SequentialCalls[]): RunIndex {
  const runOf = new Int32Array(tree.spans.length).fill(-1);
  if (runs.length === 0) return { runs, runOf };
  runs.forEach((run, r) => run.members.forEach((m) => (runOf[m] = r)));
  // Preorder: a parent's run is known before its children inherit it; the innermost run wins.
  for (let i = 0; i < tree.spans.length; i++) {
    const p = tree.spans[i].parent;
    if (runOf[i] < 0 && p >= 0) runOf[i] = runOf[p];
  }
  return { runs, runOf };
}

// The run that contains (itself or as an ancestor) most of the culprit's critical time, if any:
// a slow statement repeated inside each of N sequential HTTP calls is still an N+1.
function findEnclosingRun({ runs, runOf }: RunIndex, spans: number[], criticalNs: Float64Array): SequentialCalls | undefined {
  if (runs.length === 0) return undefined;
  const byRun = new Float64Array(runs.length);
  let total = 0;
  for (const i of spans) {
    total += criticalNs[i];
    if (runOf[i] >= 0) byRun[runOf[i]] += criticalNs[i];
  }
  let best = 0;
  for (let r = 1; r < runs.length; r++) if (byRun[r] > byRun[best]) best = r;
  return byRun[best] > 0 && byRun[best] * 2 >= total ? runs[best] : undefined;
}

/** A group as a candidate culprit; its pattern is the N+1 run enclosing it, if any. */
export function chooseGroup(tree: TraceTree, group: SpanGroup, runs: RunIndex): CulpritChoice {
  const { criticalNs, totalNs } = metricsOf(tree);
  const members = group.members.filter((i) => criticalNs[i] > 0).sort((a, b) => criticalNs[b] - criticalNs[a]);
  const run = findEnclosingRun(runs, members, criticalNs);
  const count = group.members.length;
  const pattern = run
    ? { kind: 'n_plus_one' as const, count: run.members.length, parentSpanId: tree.spans[run.parent].spanId }
    : { kind: count > 1 ? ('repeated' as const) : ('single' as const), count, parentSpanId: undefined };
  const { key, service, operation, statement } = group;
  const culprit: Culprit = { source: 'group', key, service, operation, statement, target: undefined, criticalMs: toMs(group.criticalNs), share: shareOf(group.criticalNs, totalNs), spanCount: count };
  return { culprit, criticalNs: group.criticalNs, members, primary: members[0] ?? group.members[0], pattern, withSubtrees: false, run };
}

/** An N+1 run as a candidate culprit; its time includes everything the calls waited on. */
export function chooseRun(tree: TraceTree, run: SequentialCalls, runNs: number): CulpritChoice {
  const first = tree.spans[run.members[0]];
  const { key, statement, target } = run.call;
  const { subtreeCriticalNs, totalNs } = metricsOf(tree);
  const primary = run.members.reduce((a, b) => (subtreeCriticalNs[b] > subtreeCriticalNs[a] ? b : a));
  const culprit: Culprit = { source: 'n_plus_one', key, service: first.service, operation: first.name, statement, target, criticalMs: toMs(runNs), share: shareOf(runNs, totalNs), spanCount: run.members.length };
  const pattern = { kind: 'n_plus_one' as const, count: run.members.length, parentSpanId: tree.spans[run.parent].spanId };
  return { culprit, criticalNs: runNs, members: run.members, primary, pattern, withSubtrees: true, run };
}
