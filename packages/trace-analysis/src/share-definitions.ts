// The one arithmetic behind every percentage a reader sees: how a share is rounded and what it
// measures. Dependency-free so the console's page imports it too (`./share-definitions`), and the
// verdict line, the contributors table and the N+1 lines can never round or mean differently.

/** A 0..1 share of the critical path as a whole percentage: 0.914 → 91%. */
export function formatPathShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** What each kind of share measures, one line each, for tooltips and legends. */
export const SHARE_DEFINITIONS = Object.freeze({
  /** A group's share: the contributors table and a group culprit in the verdict. */
  group: "share of critical path: the time a group's own spans (service + operation + statement) are on the trace's critical path, over the whole critical path (the trace's duration)",
  /** An N+1 run's share: the N+1 lines and an N+1 culprit in the verdict. */
  run: 'share of critical path of sequential calls: the calls and everything they waited on (their children), over the whole critical path',
  /** The total in brackets after the culprit's own share. */
  related: "the culprit's share plus the shares of the other groups the same rule explains (e.g. a second statement scanning the same column), which the same switch fixes",
} as const);

/** The fields of a verdict a share definition needs. */
export interface VerdictShareParts {
  culprit: { source: 'group' | 'n_plus_one'; share: number } | undefined;
  share: number;
  related: ReadonlyArray<{ key: string; share: number }>;
}

/** One line saying what the verdict's percentages are, naming the related groups behind the total. */
export function describeVerdictShare(verdict: VerdictShareParts): string {
  const { culprit } = verdict;
  if (!culprit) return `${formatPathShare(verdict.share)} is the largest group's ${SHARE_DEFINITIONS.group}.`;
  const own = `${formatPathShare(culprit.share)} is the culprit's ${culprit.source === 'group' ? SHARE_DEFINITIONS.group : SHARE_DEFINITIONS.run}.`;
  if (verdict.related.length === 0) return own;
  const others = verdict.related.map((r) => `${r.key} (${formatPathShare(r.share)})`).join('; ');
  return `${own} ${formatPathShare(verdict.share)} is ${SHARE_DEFINITIONS.related}: ${others}.`;
}
