import { EVIDENCE } from '@tracecart/contracts';
import { numberOf, numbersOf, stringsOf } from './attribute-values';
import { eventsOf } from './linked-events';
import { isEvidenceCarrier, type EvidenceScope } from './evidence-scope';
import { formatCount } from './format-number';
import type { Finding } from './types';
import { evidencePresenceOf } from './evidence-presence';

const { ATTR_WAITS_COUNTS, ATTR_WAITS_EVENTS, ATTR_WAITS_SAMPLES, ATTR_WAITS_TYPES, WAITS_EVENT } = EVIDENCE;

// The statement waited on a lock in at least this share of its samples: most of its time.
const MOST = 0.5;

/** `Lock:` wait samples taking most of the sampled time of the culprit's slow statements. */
export function findLockWait(scope: EvidenceScope): Finding | undefined {
  if (!evidencePresenceOf(scope.tree).waits) return undefined;
  const { tree } = scope;
  const byWait = new Map<string, number>();
  let samples = 0;
  let lockSamples = 0;
  const spanIds: string[] = [];
  for (const i of scope.spans) {
    if (isEvidenceCarrier(tree, i)) continue;
    for (const e of eventsOf(tree, i)) {
      if (e.name !== WAITS_EVENT) continue;
      const types = stringsOf(e.attributes[ATTR_WAITS_TYPES]);
      const names = stringsOf(e.attributes[ATTR_WAITS_EVENTS]);
      const counts = numbersOf(e.attributes[ATTR_WAITS_COUNTS]);
      const total = numberOf(e.attributes[ATTR_WAITS_SAMPLES]) ?? counts.reduce((a, b) => a + b, 0);
      let locked = 0;
      types.forEach((type, k) => {
        if (type !== 'Lock') return;
        locked += counts[k] ?? 0;
        const wait = `Lock:${names[k] ?? '?'}`;
        byWait.set(wait, (byWait.get(wait) ?? 0) + (counts[k] ?? 0));
      });
      samples += total;
      lockSamples += locked;
      if (locked > 0) spanIds.push(tree.spans[i].spanId);
    }
  }
  if (samples === 0 || lockSamples / samples < MOST) return undefined;
  const [wait, count] = [...byWait].sort((a, b) => b[1] - a[1])[0];
  const where = spanIds.length > 1 ? ` · in ${spanIds.length} statements` : '';
  return {
    kind: 'lock_wait',
    title: 'lock wait',
    evidence: `${wait} ×${formatCount(count)} of ${formatCount(samples)} wait samples${where}`,
    advice: 'another transaction holds the lock: hold row locks for less time (lock last, commit soon)',
    details: { wait, lockShare: lockSamples / samples, samples },
    spanIds,
  };
}
