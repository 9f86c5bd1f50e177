import { metricsOf } from './trace-metrics';
import { groupsOf } from './span-groups';
import { criticalNsOf } from './n-plus-one';
import { chooseGroup, chooseRun, indexRuns, type CulpritChoice } from './choose-culprit';
import type { SequentialCalls } from './find-sequential-calls';
import { shareOf } from './units';
import type { SwitchRule, TraceTree } from './types';

/** A candidate with the first culprit rule that explains it (if any). */
export interface Explained {
  choice: CulpritChoice;
  rule: SwitchRule | undefined;
}

/** The culprit, the other groups its rule explains, and the share they hold together. */
export interface CulpritFinding {
  main: Explained;
  related: Explained[];
  share: number;
}

// Only the largest groups can matter for a verdict; this bounds rule matching on huge traces.
const CANDIDATE_LIMIT = 20;

function withFamily(main: Explained, candidates: Explained[]): CulpritFinding {
  const related = main.rule ? candidates.filter((c) => c !== main && c.rule?.id === main.rule?.id) : [];
  const share = related.reduce((sum, c) => sum + c.choice.culprit.share, main.choice.culprit.share);
  return { main, related, share };
}

function bestFamily(candidates: Explained[]): { ruleId: string; share: number } | undefined {
  const shares = new Map<string, number>();
  for (const c of candidates) if (c.rule) shares.set(c.rule.id, (shares.get(c.rule.id) ?? 0) + c.choice.culprit.share);
  let best: { ruleId: string; share: number } | undefined;
  for (const [ruleId, share] of shares) if (!best || share > best.share) best = { ruleId, share };
  return best;
}

function bestRun(tree: TraceTree, runs: SequentialCalls[]): { run: SequentialCalls; ns: number } | undefined {
  let best: { run: SequentialCalls; ns: number } | undefined;
  for (const run of runs) {
    const ns = criticalNsOf(tree, run);
    if (!best || ns > best.ns) best = { run, ns };
  }
  return best;
}

/** The shares that make a culprit. */
export interface CulpritThresholds {
  dominantShare: number;
  nPlusOneShare: number;
}

/**
 * In order: the largest group when it alone holds `dominantShare` of the critical path; else
 * the groups one rule explains when together they do (two seq-scanning statements); else the
 * largest N+1 run when it holds `nPlusOneShare`, unless one rule's groups together hold more of
 * the path than the run: a slow statement run inside each call (and after them) explains more
 * than the calls do, and its switch wins more. Undefined when nothing dominates.
 */
export function findCulprit(tree: TraceTree, thresholds: CulpritThresholds, runs: SequentialCalls[], explain: (c: CulpritChoice) => Explained): CulpritFinding | undefined {
  const { dominantShare, nPlusOneShare } = thresholds;
  const { totalNs } = metricsOf(tree);
  if (totalNs <= 0) return undefined;
  const groups = groupsOf(tree).slice(0, CANDIDATE_LIMIT).filter((g) => g.criticalNs > 0);
  const runIndex = indexRuns(tree, runs);
  const candidates = groups.map((g) => explain(chooseGroup(tree, g, runIndex)));
  if (candidates.length > 0 && candidates[0].choice.culprit.share >= dominantShare) return withFamily(candidates[0], candidates);
  const family = bestFamily(candidates);
  // The family's largest member is named; the others go to `related`.
  const familyFinding = () => withFamily(candidates.find((c) => c.rule?.id === family?.ruleId) as Explained, candidates);
  if (family && family.share >= dominantShare) return familyFinding();
  const run = bestRun(tree, runs);
  if (!run) return undefined;
  const runShare = shareOf(run.ns, totalNs);
  if (runShare < nPlusOneShare) return undefined;
  if (family && family.share > runShare) return familyFinding();
  return withFamily(explain(chooseRun(tree, run.run, run.ns)), []);
}
