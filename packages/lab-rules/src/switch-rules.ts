import { LAB_EVENTS, MESSAGING } from '@tracecart/contracts';
import type { FlagName } from '@tracecart/flags';
import type { SwitchRule } from '@tracecart/trace-analysis';

// The catalog's schema: lookups and reservations address products by sku.
const PRODUCT_LOOKUP = '^SELECT\\b.*\\bFROM\\s+products\\s+WHERE\\s+sku\\b';
const PRODUCT_CALLS = '/products/|FROM\\s+products\\s+WHERE\\s+sku';
// What the sku index serves: a scan of products filtered by sku, found in the statement's plan.
const SCAN_BY_SKU = { relation: '^products$', filter: '\\bsku\\b' };
// The lab's queue: the order service sends order.placed, the fulfilment worker consumes it.
const ORDER_PLACED = { destination: `^${MESSAGING.ORDER_PLACED_QUEUE.replace(/\./g, '\\.')}$` };
// The reservation's statement: it locks the product rows it decrements until COMMIT.
const STOCK_UPDATE = '^UPDATE\\s+products\\b';

// Typed as flag names so a renamed switch cannot leave a rule pointing at nothing.
const SWITCH = {
  index: 'fix.index',
  cache: 'fix.cache',
  batch: 'fix.batch',
  offload: 'fix.offload',
  pool: 'fix.pool',
  lock: 'fix.lock',
  retries: 'fix.retries',
  consumers: 'fix.consumers',
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
    // Right after chaos: when resends hold most of the culprit's time, every scan, lock wait or
    // pool wait under them is paid once per attempt, and the resends add to the very load that
    // slowed the callee; the retries are the first thing to fix. Order's calls to inventory are
    // the ones retried (problem.retries); resends to another callee have no switch.
    id: 'retry-storm',
    scope: 'culprit',
    when: { finding: 'retry_storm', details: { target: '^inventory\\b' } },
    diagnosis: 'retry storm',
    suggestion: `try ${SWITCH.retries}`,
    switchName: SWITCH.retries,
  },
  {
    // The fulfilment worker's order.placed messages waiting far longer than they take: too few
    // consumers for the checkouts' rate (problem.slow-consumer). Lag on another queue has no switch.
    id: 'consumer-lag',
    scope: 'culprit',
    when: { finding: 'consumer_lag', details: ORDER_PLACED },
    diagnosis: 'consumer lag',
    suggestion: `try ${SWITCH.consumers}`,
    switchName: SWITCH.consumers,
  },
  {
    // Before seq-scan: a statement that mostly waited on a lock is slow because of the lock,
    // whatever its plan. The stock UPDATE's row locks are what fix.lock holds for less time.
    id: 'lock-wait',
    scope: 'culprit',
    when: { finding: 'lock_wait', statement: STOCK_UPDATE },
    diagnosis: 'lock wait',
    suggestion: `try ${SWITCH.lock}`,
    switchName: SWITCH.lock,
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
    // Inventory's pool is the one the stock report can share with checkouts (problem.pool);
    // waits on another service's pool have no switch.
    id: 'pool-wait',
    scope: 'culprit',
    when: { finding: 'pool_wait', subject: '^inventory\\b' },
    diagnosis: 'pool wait',
    suggestion: `try ${SWITCH.pool}`,
    switchName: SWITCH.pool,
  },
  {
    // The gateway is the service whose handler does synchronous work (problem.sync-cpu); a
    // stalled loop elsewhere has no switch.
    id: 'event-loop-block',
    scope: 'culprit',
    when: { finding: 'event_loop_block', subject: '^gateway\\b' },
    diagnosis: 'blocked event loop',
    suggestion: `try ${SWITCH.offload}`,
    switchName: SWITCH.offload,
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
