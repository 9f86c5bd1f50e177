import { metricsOf } from './trace-metrics';
import { groupsOf } from './span-groups';
import { labelOf, lineLabelOf } from './labels';
import { formatPathShare as percent } from './share-definitions';
import { appendNotes } from './verdict-line';
import { culpritVerdictFields } from './culprit-verdict';
import { shareOf, toMs } from './units';
import type { CulpritChoice } from './choose-culprit';
import type { ConsumerLag } from './find-consumer-lag';
import type { CulpritFinding, Explained } from './find-culprit';
import type { Culprit, Finding, TraceTree, Verdict } from './types';

/**
 * The lagging consumer span with everything under it as the culprit: the message's one
 * delivery, which is the whole trace when the consumer span is its root. Its time is the
 * processing the capacity is computed from; the wait before it is in no span.
 */
export function chooseConsumer(tree: TraceTree, lag: ConsumerLag): CulpritChoice {
  const index = lag.index;
  const span = tree.spans[index];
  const { subtreeCriticalNs, totalNs } = metricsOf(tree);
  const group = groupsOf(tree).find((g) => g.members.includes(index));
  const key = group?.key ?? `${span.service} · ${span.name}`;
  const criticalNs = subtreeCriticalNs[index];
  const culprit: Culprit = { source: 'group', key, service: span.service, operation: span.name, statement: group?.statement, target: undefined, criticalMs: toMs(criticalNs), share: shareOf(criticalNs, totalNs), spanCount: 1 };
  const pattern = { kind: 'single' as const, count: 1, parentSpanId: undefined };
  return { culprit, criticalNs, members: [index], primary: index, withSubtrees: true, pattern, run: undefined };
}

// What took the most of one message's processing, so "batch the per-message calls" can point at
// the calls: `each message: inventory · GET /stock × 8 sequential (N+1), 71% of critical path`.
function describeProcessing(consumer: Culprit, processing: CulpritFinding | undefined): string | undefined {
  if (!processing) return undefined;
  const { choice, finding } = processing.main;
  if (choice.culprit.key === consumer.key) return undefined;
  const { culprit, run, pattern } = choice;
  // A loop's calls are named by what they call (`calls GET /stock/:id`), as its finding names them.
  const label = run ? labelOf({ operation: culprit.operation, statement: run.call.statement, target: run.call.target }) : lineLabelOf(culprit);
  const loop = pattern.kind === 'n_plus_one' ? ` × ${pattern.count} sequential` : '';
  const cause = finding ? ` (${finding.title})` : '';
  return `each message: ${culprit.service} · ${label}${loop}${cause}, ${percent(processing.share)} of critical path`;
}

function uniqueKinds(findings: Finding[]): Finding[] {
  return findings.filter((f, i) => findings.findIndex((g) => g.kind === f.kind) === i);
}

/**
 * The verdict on a consumer trace whose message waited far longer than the trace lasted: the
 * consumer span is named whatever dominates its processing, since the wait is the lateness a
 * reader sees and no span of the trace holds it. The rule that explains the consumer (if any)
 * names the switch; what dominated the processing follows, as the place to make each message
 * cheaper.
 */
export function verdictOnConsumerLag(lagging: Explained, lagFinding: Finding, processing: CulpritFinding | undefined, notes: string[]): Verdict {
  const { choice, rule } = lagging;
  const finding = rule ? (lagging.finding ?? lagFinding) : lagFinding;
  const diagnosis = rule?.diagnosis ?? finding.title;
  const suggestion = rule?.suggestion ?? finding.advice;
  const findings = uniqueKinds([lagFinding, ...lagging.findings, ...(processing?.main.findings ?? [])]);
  const parts = [choice.culprit.service, lineLabelOf(choice.culprit), lagFinding.evidence];
  if (finding.kind !== lagFinding.kind) parts.push(finding.evidence);
  const perMessage = describeProcessing(choice.culprit, processing);
  if (perMessage) parts.push(perMessage);
  parts.push(`${diagnosis} → ${suggestion}`);
  const fields = culpritVerdictFields({ choice, share: choice.culprit.share, related: [], finding, findings, rule, notes });
  return { ...fields, line: appendNotes(parts.join(' · '), notes) };
}
