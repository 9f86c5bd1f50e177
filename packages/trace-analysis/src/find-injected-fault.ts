import { metricsOf } from './trace-metrics';
import { stringOf } from './attribute-values';
import type { EvidenceScope } from './evidence-scope';
import type { Finding, SpanEventInfo } from './types';
import { evidencePresenceOf } from './evidence-presence';

// Fault-injection tools mark what they did with an event; its name has a `chaos` or `fault`
// segment (`chaos.latency`, `fault.injected`, `myapp.chaos.error`).
const FAULT_EVENT = /(^|[._-])(chaos|fault|faults)([._-]|$)/i;
// The spans carrying the fault must hold most of the culprit's time for it to explain them.
const MOST = 0.5;

function describe(event: SpanEventInfo): string {
  const values = Object.entries(event.attributes)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
    .slice(0, 2)
    .map(([k, v]) => `${k}=${stringOf(v)}`);
  return values.length ? `${event.name} (${values.join(', ')})` : event.name;
}

/** A fault-injection event on the spans that hold most of the culprit's critical time. */
export function findInjectedFault(scope: EvidenceScope): Finding | undefined {
  if (!evidencePresenceOf(scope.tree).events) return undefined;
  const { tree, choice } = scope;
  if (choice.criticalNs <= 0) return undefined;
  const { criticalNs } = metricsOf(tree);
  let faultNs = 0;
  let first: SpanEventInfo | undefined;
  const spanIds: string[] = [];
  for (const i of scope.spans) {
    const event = tree.spans[i].events.find((e) => FAULT_EVENT.test(e.name));
    if (!event) continue;
    first ??= event;
    faultNs += criticalNs[i];
    spanIds.push(tree.spans[i].spanId);
  }
  if (!first || faultNs / choice.criticalNs < MOST) return undefined;
  return {
    kind: 'injected_fault',
    title: 'injected fault',
    evidence: `${describe(first)} on ${spanIds.length} ${spanIds.length === 1 ? 'span' : 'spans'}`,
    advice: 'not a real component: switch the fault injection off before measuring',
    details: { event: first.name },
    spanIds,
  };
}
