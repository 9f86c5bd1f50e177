import type { SwitchRule } from './types';

// Lookups and reservations address products by sku; both seq-scan without the index.
const BY_SKU = '\\bWHERE\\s+sku\\s*=';
const PRODUCT_LOOKUP = '^SELECT\\b.*\\bFROM\\s+products\\s+WHERE\\s+sku\\b';

/**
 * The switch table, in priority order: the first `culprit` rule whose conditions all hold
 * explains the culprit; every matching `trace` rule adds a note. See the package README.
 */
export const DEFAULT_SWITCH_RULES: readonly SwitchRule[] = [
  {
    id: 'injected-delay',
    scope: 'culprit',
    when: { culpritEvent: 'chaos.latency' },
    diagnosis: 'injected delay (chaos.latency)',
    suggestion: 'not a real component: turn chaos.latency off',
    switchName: 'chaos.latency',
  },
  {
    id: 'seq-scan',
    scope: 'culprit',
    when: { subject: BY_SKU, attributes: { 'lab.fix.index': false } },
    diagnosis: 'seq scan',
    suggestion: 'try fix.index',
    switchName: 'fix.index',
  },
  {
    id: 'n-plus-one',
    scope: 'culprit',
    when: { pattern: 'n_plus_one', subject: '/products/|FROM\\s+products\\s+WHERE\\s+sku', attributes: { 'lab.fix.batch': false } },
    diagnosis: 'N+1',
    suggestion: 'try fix.batch',
    switchName: 'fix.batch',
  },
  {
    id: 'uncached-lookup',
    scope: 'culprit',
    when: { statement: PRODUCT_LOOKUP, attributes: { 'lab.fix.index': true, 'lab.fix.cache': false } },
    diagnosis: 'every lookup hits Postgres',
    suggestion: 'try fix.cache',
    switchName: 'fix.cache',
  },
  {
    id: 'cache-miss',
    scope: 'culprit',
    when: { statement: PRODUCT_LOOKUP, attributes: { 'lab.fix.cache': true, 'cache.hit': false } },
    diagnosis: 'cache misses',
    suggestion: 'the cache is on but cold: repeat the request, or check Redis',
  },
  {
    id: 'injected-delay-present',
    scope: 'trace',
    when: { traceEvent: 'chaos.latency' },
    diagnosis: 'injected delay (chaos.latency) in this trace',
    suggestion: 'turn chaos.latency off before measuring',
    switchName: 'chaos.latency',
  },
  {
    id: 'injected-error',
    scope: 'trace',
    when: { traceEvent: 'chaos.error' },
    diagnosis: 'injected error (chaos.error)',
    suggestion: 'turn chaos.errors off',
    switchName: 'chaos.errors',
  },
];
