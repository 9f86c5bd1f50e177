import { LAB_ATTRIBUTES, LAB_EVENTS } from '@tracecart/contracts';
import type { FlagName } from '@tracecart/flags';
import type { SwitchRule } from '@tracecart/trace-analysis';

// The catalog's schema: lookups and reservations address products by sku, and both seq-scan
// without the index.
const BY_SKU = '\\bWHERE\\s+sku\\s*=';
const PRODUCT_LOOKUP = '^SELECT\\b.*\\bFROM\\s+products\\s+WHERE\\s+sku\\b';
const PRODUCT_CALLS = '/products/|FROM\\s+products\\s+WHERE\\s+sku';

// Typed as flag names so a renamed switch cannot leave a rule pointing at nothing.
const SWITCH = {
  index: 'fix.index',
  cache: 'fix.cache',
  batch: 'fix.batch',
  latency: 'chaos.latency',
  errors: 'chaos.errors',
} as const satisfies Record<string, FlagName>;

const { fixIndex, fixCache, fixBatch, cacheHit } = LAB_ATTRIBUTES;
const { chaosLatency, chaosError } = LAB_EVENTS;

/**
 * The lab's switch table, in priority order: the first `culprit` rule whose conditions all hold
 * explains the culprit; every matching `trace` rule adds a note. Chaos comes first so an
 * injected delay is never blamed on the component it was injected into.
 */
export const LAB_SWITCH_RULES: readonly SwitchRule[] = [
  {
    id: 'injected-delay',
    scope: 'culprit',
    when: { culpritEvent: chaosLatency },
    diagnosis: `injected delay (${chaosLatency})`,
    suggestion: `not a real component: turn ${SWITCH.latency} off`,
    switchName: SWITCH.latency,
  },
  {
    id: 'seq-scan',
    scope: 'culprit',
    when: { subject: BY_SKU, attributes: { [fixIndex]: false } },
    diagnosis: 'seq scan',
    suggestion: `try ${SWITCH.index}`,
    switchName: SWITCH.index,
  },
  {
    id: 'n-plus-one',
    scope: 'culprit',
    when: { pattern: 'n_plus_one', subject: PRODUCT_CALLS, attributes: { [fixBatch]: false } },
    diagnosis: 'N+1',
    suggestion: `try ${SWITCH.batch}`,
    switchName: SWITCH.batch,
  },
  {
    id: 'uncached-lookup',
    scope: 'culprit',
    when: { statement: PRODUCT_LOOKUP, attributes: { [fixIndex]: true, [fixCache]: false } },
    diagnosis: 'every lookup hits Postgres',
    suggestion: `try ${SWITCH.cache}`,
    switchName: SWITCH.cache,
  },
  {
    id: 'cache-miss',
    scope: 'culprit',
    when: { statement: PRODUCT_LOOKUP, attributes: { [fixCache]: true, [cacheHit]: false } },
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
