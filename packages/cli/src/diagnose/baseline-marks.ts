import type { Diagnosis, TraceTree } from '@tracecart/trace-analysis';
import type { BaselineKey, BaselineOrigin, BaselinePlacement, BaselineSource } from './baseline-source';
import { baselineKeyId, durationsByKey } from './span-durations';

/** Where a group's slowest span of this trace falls among its operation's recent durations. */
export interface BaselineMark extends BaselinePlacement {
  /** The slowest span of the group in the diagnosed trace. */
  durationMs: number;
}

/** The baselines of one diagnosis: where they came from, the culprit's mark and each contributor's (by contributor key). */
export interface BaselineMarks {
  origin: BaselineOrigin;
  culprit: BaselineMark | undefined;
  contributors: Map<string, BaselineMark>;
}

async function markOf(source: BaselineSource, slowest: Map<string, number>, key: BaselineKey): Promise<BaselineMark | undefined> {
  const durationMs = slowest.get(baselineKeyId(key));
  if (durationMs === undefined) return undefined;
  const placement = await source.percentileOf(key, durationMs);
  return placement && { ...placement, durationMs };
}

/**
 * Marks the culprit and every listed contributor with its percentile against its own operation.
 * The slowest span stands for a group: one slow call among fast ones is what a person looks for.
 * Any failure leaves the diagnosis unmarked with the reason, never failing it.
 */
export async function markBaselines(tree: TraceTree, diagnosis: Diagnosis, source: BaselineSource): Promise<BaselineMarks> {
  const slowest = new Map([...durationsByKey([tree])].map(([id, list]) => [id, Math.max(...list)]));
  const { culprit } = diagnosis.verdict;
  // Said rather than left blank: otherwise a lazy source that was never asked would claim an empty sample.
  if (!culprit && diagnosis.contributors.length === 0) return { origin: { kind: 'none', reason: 'nothing on the critical path to compare' }, culprit: undefined, contributors: new Map() };
  try {
    const [culpritMark, ...contributorMarks] = await Promise.all([
      culprit ? markOf(source, slowest, culprit) : undefined,
      ...diagnosis.contributors.map((c) => markOf(source, slowest, c)),
    ]);
    const contributors = new Map<string, BaselineMark>();
    diagnosis.contributors.forEach((c, i) => {
      const mark = contributorMarks[i];
      if (mark) contributors.set(c.key, mark);
    });
    return { origin: source.origin(), culprit: culpritMark, contributors };
  } catch (error) {
    return { origin: { kind: 'none', reason: (error as Error).message }, culprit: undefined, contributors: new Map() };
  }
}
