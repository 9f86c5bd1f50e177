import { metricsOf } from './trace-metrics';
import { culpritVerdictFields } from './culprit-verdict';
import { groupsOf } from './span-groups';
import { findSequentialCalls } from './find-sequential-calls';
import { findCulprit, strongestEvidence, type CulpritFinding } from './find-culprit';
import { collectTraceFacts } from './trace-facts';
import { buildRuleContext } from './rule-context';
import { matchesRule, matchRule } from './match-rule';
import { findingsOf } from './find-findings';
import { consumerLagFinding, findLaggingConsumer } from './find-consumer-lag';
import { chooseConsumer, verdictOnConsumerLag } from './consumer-lag-verdict';
import type { Explained } from './find-culprit';
import type { CulpritChoice } from './choose-culprit';
import type { TraceFacts } from './trace-facts';
import { appendNotes, formatCulpritLine, formatEvidenceWithoutCulprit, formatNoCulpritLine } from './verdict-line';
import { shareOf } from './units';
import type { SwitchRule, TraceTree, Verdict, VerdictOptions } from './types';

const NO_PATH = 'no critical path: the trace has no measurable duration';
// Evidence is reported without a culprit when the groups showing it hold this much of the path.
const EVIDENCE_WITHOUT_CULPRIT_SHARE = 0.25;

function verdictWithout(kind: Verdict['kind'], share: number, notes: string[], line: string): Verdict {
  const none = { culprit: undefined, pattern: undefined, finding: undefined, findings: [], diagnosis: undefined, suggestion: undefined, switchName: undefined, ruleId: undefined };
  return { kind, ...none, share, related: [], notes, line: appendNotes(line, notes) };
}

function largestGroup(tree: TraceTree) {
  const top = groupsOf(tree)[0];
  if (!top || top.criticalNs <= 0) return undefined;
  return { service: top.service, operation: top.operation, statement: top.statement, share: shareOf(top.criticalNs, metricsOf(tree).totalNs) };
}

function verdictFor(found: CulpritFinding, notes: string[]): Verdict {
  const { choice, rule, finding, findings } = found.main;
  const related = found.related.map((r) => ({ key: r.choice.culprit.key, share: r.choice.culprit.share }));
  const base = culpritVerdictFields({ choice, share: found.share, related, finding, findings, rule, notes });
  const { diagnosis, suggestion } = base;
  const explanation = diagnosis !== undefined ? `${diagnosis} → ${suggestion}` : 'no evidence of a cause on its spans';
  return { ...base, line: appendNotes(formatCulpritLine(base, choice.culprit, explanation), notes) };
}

/** A candidate with its findings and the first culprit rule that its evidence satisfies. */
function explainChoice(tree: TraceTree, facts: TraceFacts, rules: readonly SwitchRule[], choice: CulpritChoice): Explained {
  const findings = findingsOf(tree, choice);
  const ctx = buildRuleContext(tree, facts, choice, findings);
  for (const rule of rules) {
    if (rule.scope !== 'culprit') continue;
    const match = matchRule(rule, ctx);
    if (match) return { choice, rule, finding: match.finding ?? findings[0], findings };
  }
  return { choice, rule: undefined, finding: findings[0], findings };
}

/**
 * The verdict on one trace: the culprit (what dominates the critical path), what the evidence on
 * its spans shows (findings: a plan's Seq Scan, lock waits, pool waits, a loop of calls, cache
 * misses, injected faults), the first switch rule that explains it, notes from trace-wide
 * rules, and one readable line that quotes the evidence. Without rules it is the evidence
 * alone, with advice in general terms and no switch. A consumer trace whose message waited in
 * its queue far longer than the whole trace lasted is a consumer lag, named before any culprit.
 */
export function decideVerdict(tree: TraceTree, options: VerdictOptions = {}): Verdict {
  const rules = options.rules ?? [];
  const facts = collectTraceFacts(tree);
  const traceCtx = buildRuleContext(tree, facts, undefined);
  const traceRules = rules.filter((r) => r.scope === 'trace' && matchesRule(r, traceCtx));
  const notesBesides = (rule: SwitchRule | undefined) =>
    traceRules.filter((r) => !rule || r.switchName === undefined || r.switchName !== rule.switchName).map((r) => `${r.diagnosis} → ${r.suggestion}`);
  const explain = (choice: CulpritChoice) => explainChoice(tree, facts, rules, choice);
  const search = () => {
    const runs = findSequentialCalls(tree, options.nPlusOne ?? {});
    const thresholds = { dominantShare: options.dominantShare ?? 0.5, nPlusOneShare: options.nPlusOneShare ?? 0.3 };
    return findCulprit(tree, thresholds, runs, explain);
  };
  // A consumed message that waited far longer than its whole trace lasted: the wait is in no
  // span, so it is checked before (and whatever) the critical path shows.
  const lag = findLaggingConsumer(tree);
  if (lag) {
    const lagging = explain(chooseConsumer(tree, lag));
    return verdictOnConsumerLag(lagging, consumerLagFinding(tree, lag), search().found, notesBesides(lagging.rule));
  }
  if (metricsOf(tree).totalNs <= 0) return verdictWithout('no_critical_path', 0, notesBesides(undefined), NO_PATH);
  const { found, candidates } = search();
  // A note repeating what the culprit's rule already says (same switch) is left out.
  if (found) return verdictFor(found, notesBesides(found.main.rule));
  const largest = largestGroup(tree);
  const notes = notesBesides(undefined);
  const none = verdictWithout('no_single_culprit', largest?.share ?? 0, notes, formatNoCulpritLine(largest));
  const seen = strongestEvidence(candidates, EVIDENCE_WITHOUT_CULPRIT_SHARE);
  if (!seen?.main.finding) return none;
  // The evidence, but no switch: without a culprit no rule's suggestion is claimed.
  const line = `${formatNoCulpritLine(largest)} · ${formatEvidenceWithoutCulprit(seen.main.finding, seen.main.choice.culprit, seen.share, seen.related.length)}`;
  return { ...none, seen: { finding: seen.main.finding, share: seen.share }, line: appendNotes(line, notes) };
}
