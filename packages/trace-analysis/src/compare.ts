import { buildTraceTree } from './build-trace-tree';
import { groupsOf } from './span-groups';
import { percentile, ratio } from './percentile';
import { roundMs, toMs } from './units';
import type { Comparison, GroupDelta, GroupStats, TraceSetSummary, TraceTree } from './types';

interface GroupSum {
  service: string;
  operation: string;
  statement: string | undefined;
  criticalNs: number;
  spans: number;
  traces: number;
}

function sumGroups(trees: TraceTree[]): Map<string, GroupSum> {
  const sums = new Map<string, GroupSum>();
  for (const tree of trees) {
    for (const g of groupsOf(tree)) {
      let sum = sums.get(g.key);
      if (!sum) {
        sum = { service: g.service, operation: g.operation, statement: g.statement, criticalNs: 0, spans: 0, traces: 0 };
        sums.set(g.key, sum);
      }
      sum.criticalNs += g.criticalNs;
      sum.spans += g.members.length;
      sum.traces += 1;
    }
  }
  return sums;
}

function summarizeSet(trees: TraceTree[]): TraceSetSummary {
  const durations = trees.map((t) => toMs(t.durationNs));
  return { traceCount: trees.length, p50Ms: percentile(durations, 50), p95Ms: percentile(durations, 95) };
}

function statsOf(sum: GroupSum | undefined, traceCount: number): GroupStats {
  if (!sum || traceCount === 0) return { criticalMsPerTrace: 0, spansPerTrace: 0, traceCount: 0 };
  return { criticalMsPerTrace: toMs(sum.criticalNs / traceCount), spansPerTrace: sum.spans / traceCount, traceCount: sum.traces };
}

function deltaOf(key: string, b: GroupSum | undefined, a: GroupSum | undefined, counts: [number, number]): GroupDelta {
  const any = (b ?? a) as GroupSum;
  const before = statsOf(b, counts[0]);
  const after = statsOf(a, counts[1]);
  return {
    key,
    service: any.service,
    operation: any.operation,
    statement: any.statement,
    before,
    after,
    deltaCriticalMsPerTrace: roundMs(after.criticalMsPerTrace - before.criticalMsPerTrace),
    criticalRatio: ratio(after.criticalMsPerTrace, before.criticalMsPerTrace),
  };
}

/**
 * Compares two sets of traces (each a TracesData, a `{result}` envelope, or an array of them):
 * p50/p95 trace duration with ratios, and per group the critical ms and span count per trace.
 */
export function compare(before: unknown, after: unknown): Comparison {
  const beforeTrees = buildTraceTree(before);
  const afterTrees = buildTraceTree(after);
  const b = sumGroups(beforeTrees);
  const a = sumGroups(afterTrees);
  const counts: [number, number] = [beforeTrees.length, afterTrees.length];
  const groups = [...new Set([...b.keys(), ...a.keys()])].map((key) => deltaOf(key, b.get(key), a.get(key), counts));
  groups.sort((x, y) => Math.abs(y.deltaCriticalMsPerTrace) - Math.abs(x.deltaCriticalMsPerTrace) || x.key.localeCompare(y.key));
  const beforeSet = summarizeSet(beforeTrees);
  const afterSet = summarizeSet(afterTrees);
  return {
    before: beforeSet,
    after: afterSet,
    p50Ratio: ratio(afterSet.p50Ms, beforeSet.p50Ms),
    p95Ratio: ratio(afterSet.p95Ms, beforeSet.p95Ms),
    groups,
  };
}
