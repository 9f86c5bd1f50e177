import { metricsOf } from './trace-metrics';
import { groupsOf } from './span-groups';
import { criticalNsOf } from './n-plus-one';
import { chooseGroup, chooseRun, indexRuns, type CulpritChoice } from './choose-culprit';
import type { SequentialCalls } from './find-sequential-calls';
import { shareOf } from './units';
import type { Finding, FindingKind, SwitchRule, TraceTree } from './types';

/** A candidate with what its evidence shows and the first culprit rule that explains it (if any). */
export interface Explained {
  choice: CulpritChoice;
  rule: SwitchRule | undefined;
  /** The finding named: the one the rule matched, else the candidate's first. */
  finding: Finding | undefined;
  findings: Finding[];
}

// Findings about a statement's own work add up across statements, and a stalled event loop's
// waits across the groups it stretched (a call, the handler, the work that held the loop); a
// loop or a cache miss is already one run or one request, and counting each of its groups
// again would say nothing new.
const ADDITIVE_FINDINGS: ReadonlySet<FindingKind> = new Set(['sequential_scan', 'lock_wait', 'pool_wait', 'event_loop_block']);

/**
 * What makes candidates one family (explained together): the same rule, or without a rule the
 * same kind of statement-level finding, e.g. two statements that both scan their table.
 */
function familyOf(c: Explained): string | undefined {
  if (c.rule) return `rule:${c.rule.id}`;
  return c.finding && ADDITIVE_FINDINGS.has(c.finding.kind) ? `finding:${c.finding.kind}` : undefined;
}

/** The culprit, the other groups its rule explains, and the share they hold together. */
export interface CulpritFinding {
  main: Explained;
  related: Explained[];
  share: number;
}

/** The culprit if one dominates, and the candidates it was chosen from (largest first). */
export interface CulpritSearch {
  found: CulpritFinding | undefined;
  candidates: Explained[];
}

/**
 * When nothing dominates, the evidence that explains the most of the path, if it explains at
 * least `minShare` of it: the kind of additive finding (scan, lock, pool, stalled loop) whose
 * groups hold the most, else the largest group with a finding. A reader still learns what the
 * spans show, e.g. a stalled loop spread over a third of the path on a busy machine, while the
 * verdict claims no culprit and names no switch.
 */
export function strongestEvidence(candidates: Explained[], minShare: number): CulpritFinding | undefined {
  const shares = new Map<FindingKind, number>();
  for (const c of candidates) {
    const kind = c.finding?.kind;
    if (kind && ADDITIVE_FINDINGS.has(kind)) shares.set(kind, (shares.get(kind) ?? 0) + c.choice.culprit.share);
  }
  const [kind, share] = [...shares].reduce<[FindingKind | undefined, number]>((best, entry) => (entry[1] > best[1] ? entry : best), [undefined, 0]);
  if (kind && share >= minShare) {
    const members = candidates.filter((c) => c.finding?.kind === kind);
    return { main: members[0], related: members.slice(1), share };
  }
  const single = candidates.find((c) => c.finding !== undefined);
  return single && single.choice.culprit.share >= minShare ? { main: single, related: [], share: single.choice.culprit.share } : undefined;
}

// Only the largest groups can matter for a verdict; this bounds rule matching on huge traces.
const CANDIDATE_LIMIT = 20;

function withFamily(main: Explained, candidates: Explained[]): CulpritFinding {
  const family = familyOf(main);
  const related = family ? candidates.filter((c) => c !== main && familyOf(c) === family) : [];
  const share = related.reduce((sum, c) => sum + c.choice.culprit.share, main.choice.culprit.share);
  return { main, related, share };
}

function bestFamily(candidates: Explained[]): { family: string; share: number } | undefined {
  const shares = new Map<string, number>();
  for (const c of candidates) {
    const family = familyOf(c);
    if (family) shares.set(family, (shares.get(family) ?? 0) + c.choice.culprit.share);
  }
  let best: { family: string; share: number } | undefined;
  for (const [family, share] of shares) if (!best || share > best.share) best = { family, share };
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
 * the groups one rule (or one kind of finding) explains when together they do (two seq-scanning statements); else the
 * largest N+1 run when it holds `nPlusOneShare`, unless one rule's groups together hold more of
 * the path than the run: a slow statement run inside each call (and after them) explains more
 * than the calls do, and its switch wins more. Undefined when nothing dominates.
 */
export function findCulprit(tree: TraceTree, thresholds: CulpritThresholds, runs: SequentialCalls[], explain: (c: CulpritChoice) => Explained): CulpritSearch {
  const { totalNs } = metricsOf(tree);
  if (totalNs <= 0) return { found: undefined, candidates: [] };
  const groups = groupsOf(tree).slice(0, CANDIDATE_LIMIT).filter((g) => g.criticalNs > 0);
  const runIndex = indexRuns(tree, runs);
  const candidates = groups.map((g) => explain(chooseGroup(tree, g, runIndex)));
  return { found: pickCulprit(tree, thresholds, runs, explain, candidates), candidates };
}

function pickCulprit(tree: TraceTree, thresholds: CulpritThresholds, runs: SequentialCalls[], explain: (c: CulpritChoice) => Explained, candidates: Explained[]): CulpritFinding | undefined {
  const { dominantShare, nPlusOneShare } = thresholds;
  const { totalNs } = metricsOf(tree);
  if (candidates.length > 0 && candidates[0].choice.culprit.share >= dominantShare) return withFamily(candidates[0], candidates);
  const family = bestFamily(candidates);
  // The family's largest member is named; the others go to `related`.
  const familyFinding = () => withFamily(candidates.find((c) => familyOf(c) === family?.family) as Explained, candidates);
  if (family && family.share >= dominantShare) return familyFinding();
  const run = bestRun(tree, runs);
  if (!run) return undefined;
  const runShare = shareOf(run.ns, totalNs);
  if (runShare < nPlusOneShare) return undefined;
  if (family && family.share > runShare) return familyFinding();
  return withFamily(explain(chooseRun(tree, run.run, run.ns)), []);
}
