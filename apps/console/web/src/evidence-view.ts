import type { QueryPlanEvidence, QueryWaitsEvidence, SpanEvidence } from '../../src/api-types';
import { h } from './dom';
import { LOCK_WAIT_TYPE, SEQ_SCAN } from './evidence-marks';
import { PLAN_JSON_CUT_MARKER } from '@tracecart/contracts/evidence-names';

/** Selects another span of the waterfall by id. */
export type SelectSpan = (spanId: string) => void;


function prettyJson(json: string): string {
  if (json.endsWith(PLAN_JSON_CUT_MARKER)) return json;
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function planNode(line: string, type: string | undefined): HTMLElement {
  const known = type !== undefined && line.startsWith(type);
  const rest = known ? line.slice(type.length) : line;
  return h('li', { class: `plan-node${type === SEQ_SCAN ? ' seq-scan' : ''}` }, known ? h('strong', { class: 'node-type', text: type }) : null, rest);
}

function planSection(plan: QueryPlanEvidence, select: SelectSpan): HTMLElement {
  const where = [
    plan.cached ? 'cached plan' : 'EXPLAIN run for this statement',
    `total cost ${plan.totalCost.toFixed(2)}`,
  ].join(' · ');
  const from = plan.fromSpanId;
  return h(
    'section',
    { class: 'evidence plan', id: 'query-plan' },
    h('h4', { text: 'Query plan' }),
    h(
      'p',
      { class: 'hint' },
      where,
      from ? ' · ' : null,
      from ? h('button', { class: 'link', type: 'button', onclick: () => select(from), text: 'from its EXPLAIN span' }) : null,
    ),
    h('ol', { class: 'plan-nodes' }, ...plan.nodes.map((line, i) => planNode(line, plan.nodeTypes[i]))),
    plan.json !== undefined
      ? h('details', { class: 'plan-json' }, h('summary', { text: plan.json.endsWith(PLAN_JSON_CUT_MARKER) ? 'EXPLAIN JSON (cut short)' : 'EXPLAIN JSON' }), h('pre', { text: prettyJson(plan.json) }))
      : null,
  );
}

function waitsSection(waits: QueryWaitsEvidence): HTMLElement {
  return h(
    'section',
    { class: 'evidence waits', id: 'query-waits' },
    h('h4', { text: 'Waits' }),
    h('p', { class: 'hint', text: `${waits.samples} samples of what the backend was doing` }),
    h(
      'ul',
      { class: 'wait-list' },
      ...waits.waits.map((w) =>
        h('li', { class: `wait${w.type === LOCK_WAIT_TYPE ? ' lock' : ''}` }, h('code', { text: `${w.type}:${w.event}` }), ` ×${w.count}`),
      ),
    ),
  );
}

/** What a slow statement left behind: the statement a side span belongs to, its plan (or why none), its waits. */
export function evidenceSections(evidence: SpanEvidence | null, select: SelectSpan): Array<HTMLElement | null> {
  if (!evidence) return [];
  const owner = evidence.evidenceFor;
  return [
    owner
      ? h(
          'p',
          { class: 'evidence-for' },
          `${evidence.plan || evidence.planError ? 'plan' : 'waits'} of `,
          h('button', { class: 'link', type: 'button', 'data-span-id': owner.spanId, onclick: () => select(owner.spanId), text: owner.name }),
        )
      : null,
    evidence.plan ? planSection(evidence.plan, select) : null,
    evidence.planError !== undefined ? h('p', { class: 'problem plan-error', text: `no plan: ${evidence.planError}` }) : null,
    evidence.waits ? waitsSection(evidence.waits) : null,
  ];
}
