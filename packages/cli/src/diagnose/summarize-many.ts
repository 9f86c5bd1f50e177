import type { Diagnosis } from '@tracecart/trace-analysis';

/** How often one verdict came up, with the newest trace's line as its example. */
export interface VerdictCount {
  count: number;
  line: string;
  ruleId: string | null;
  switchName: string | null;
}

/** One contributor group over many traces. */
export interface GroupTotal {
  service: string;
  operation: string;
  statement: string | null;
  criticalMsPerTrace: number;
  /** The group's critical time over all traces' critical time. */
  share: number;
  spansPerTrace: number;
  traces: number;
}

/** One N+1 pattern over many traces. */
export interface PatternTotal {
  service: string;
  what: string;
  parent: string;
  traces: number;
  maxCount: number;
  meanTotalMs: number;
}

/** What many diagnoses say together. */
export interface ManySummary {
  traceCount: number;
  p50Ms: number | null;
  p95Ms: number | null;
  verdicts: VerdictCount[];
  contributors: GroupTotal[];
  nPlusOne: PatternTotal[];
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function countVerdicts(diagnoses: Diagnosis[]): VerdictCount[] {
  const counts = new Map<string, VerdictCount>();
  for (const { verdict } of diagnoses) {
    const key = `${verdict.kind}|${verdict.ruleId ?? ''}|${verdict.culprit?.key ?? ''}`;
    // Traces without a culprit differ only in their largest group, so they share one plain line.
    const line = verdict.kind === 'culprit' ? verdict.line : verdict.line.split(' · ')[0];
    const entry = counts.get(key) ?? { count: 0, line, ruleId: verdict.ruleId ?? null, switchName: verdict.switchName ?? null };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

function totalGroups(diagnoses: Diagnosis[]): GroupTotal[] {
  const sums = new Map<string, { c: Diagnosis['contributors'][number]; ms: number; spans: number; traces: number }>();
  for (const d of diagnoses) {
    for (const c of d.contributors) {
      const sum = sums.get(c.key) ?? { c, ms: 0, spans: 0, traces: 0 };
      sum.ms += c.criticalMs;
      sum.spans += c.spanCount;
      sum.traces += 1;
      sums.set(c.key, sum);
    }
  }
  const pathMs = diagnoses.reduce((total, d) => total + d.criticalPath.totalMs, 0);
  const n = diagnoses.length;
  return [...sums.values()]
    .map(({ c, ms, spans, traces }) => ({ service: c.service, operation: c.operation, statement: c.statement ?? null, criticalMsPerTrace: ms / n, share: pathMs > 0 ? ms / pathMs : 0, spansPerTrace: spans / n, traces }))
    .sort((a, b) => b.criticalMsPerTrace - a.criticalMsPerTrace);
}

function totalPatterns(diagnoses: Diagnosis[]): PatternTotal[] {
  const sums = new Map<string, PatternTotal & { sumMs: number }>();
  for (const d of diagnoses) {
    for (const f of d.nPlusOne) {
      const what = f.statement ?? f.target ?? f.operation;
      const key = `${f.service}|${f.kind}|${what}|${f.parentService} ${f.parentName}`;
      const sum = sums.get(key) ?? { service: f.service, what, parent: `${f.parentService} ${f.parentName}`, traces: 0, maxCount: 0, meanTotalMs: 0, sumMs: 0 };
      sum.traces += 1;
      sum.maxCount = Math.max(sum.maxCount, f.count);
      sum.sumMs += f.totalMs;
      sums.set(key, sum);
    }
  }
  return [...sums.values()].map(({ sumMs, ...p }) => ({ ...p, meanTotalMs: sumMs / p.traces })).sort((a, b) => b.traces - a.traces || b.meanTotalMs - a.meanTotalMs);
}

/** Verdict counts, mean critical time per group and N+1 patterns over many traces (newest first). */
export function summarizeMany(diagnoses: Diagnosis[]): ManySummary {
  const durations = diagnoses.map((d) => d.summary.durationMs).sort((a, b) => a - b);
  return {
    traceCount: diagnoses.length,
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    verdicts: countVerdicts(diagnoses),
    contributors: totalGroups(diagnoses),
    nPlusOne: totalPatterns(diagnoses),
  };
}
