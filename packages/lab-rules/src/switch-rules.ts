import { LAB_EVENTS } from '@tracecart/contracts';
import type { FlagName } from '@tracecart/flags';
import type { SwitchRule } from '@tracecart/trace-analysis';

// The catalog's schema: lookups and reservations address products by sku.
const PRODUCT_LOOKUP = '^SELECT\\b.*\\bFROM\\s+products\\s+WHERE\\s+sku\\b';
const PRODUCT_CALLS = '/products/|FROM\\s+products\\s+WHERE\\s+sku';
// What the sku index serves: a scan of products filtered by sku, found in the statement's plan.
const SCAN_BY_SKU = { relation: '^products$', filter: '\\bsku\\b' };

// Typed as flag names so a renamed switch cannot leave a rule pointing at nothing.
const SWITCH = {
  index: 'fix.index',
  cache: 'fix.cache',
  batch: 'fix.batch',
  latency: 'chaos.latency',
  errors: 'chaos.errors',
} as const satisfies Record<string, FlagName>;

const { chaosLatency, chaosError } = LAB_EVENTS;

/** `lab.chaos.latency` as a regex that matches only that name. */
function exactly(name: string): string {
  return `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

/**
 * The lab's switch table, in priority order: the first `culprit` rule whose conditions all hold
 * explains the culprit; every matching `trace` rule adds a note. Every culprit rule starts from
 * a finding, i.e. from evidence in the trace (a plan, waits, the calls' timing, a cache read's
 * answer, a chaos event), and only maps it to the switch that addresses it: no rule reads a
 * `lab.*` attribute, so the diagnosis is right for the reason the trace shows. Chaos comes first
 * so an injected delay is never blamed on the component it was injected into.
 */
export const LAB_SWITCH_RULES: readonly SwitchRule[] = [
  {
    id: 'injected-delay',
    scope: 'culprit',
    when: { finding: 'injected_fault', details: { event: exactly(chaosLatency) } },
    diagnosis: `injected delay (${chaosLatency})`,
    suggestion: `not a real component: turn ${SWITCH.latency} off`,
    switchName: SWITCH.latency,
  },
  {
    id: 'seq-scan',
    scope: 'culprit',
    when: { finding: 'sequential_scan', details: SCAN_BY_SKU },
    diagnosis: 'sequential scan',
    suggestion: `try ${SWITCH.index}`,
    switchName: SWITCH.index,
  },
  {
    id: 'n-plus-one',
    scope: 'culprit',
    when: { finding: 'n_plus_one', subject: PRODUCT_CALLS },
    diagnosis: 'N+1',
    suggestion: `try ${SWITCH.batch}`,
    switchName: SWITCH.batch,
  },
  {
    id: 'uncached-lookup',
    scope: 'culprit',
    when: { finding: 'uncached_read', statement: PRODUCT_LOOKUP },
    diagnosis: 'every lookup hits Postgres',
    suggestion: `try ${SWITCH.cache}`,
    switchName: SWITCH.cache,
  },
  {
    id: 'cache-miss',
    scope: 'culprit',
    when: { finding: 'cache_miss', statement: PRODUCT_LOOKUP },
    diagnosis: 'cache misses',
    suggestion: 'the cache is on but cold: repeat the request, or check Redis',
  },
  {
    id: 'injected-delay-present',
    scope: 'trace',
    when: { traceEvent: chaosLatency },
    diagnosis: `injected delay (${chaosLatency}) in this trace`,
    suggestion: `turn ${SWITCH.latency} off before measuring`,
    switchName: SWITCH.latency,
  },
  {
    id: 'injected-error',
    scope: 'trace',
    when: { traceEvent: chaosError },
    diagnosis: `injected error (${chaosError})`,
    suggestion: `turn ${SWITCH.errors} off`,
    switchName: SWITCH.errors,
  },
];
