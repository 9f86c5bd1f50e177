// The lab's own span vocabulary. Everything the lab writes on spans lives under `lab.`, apart
// from OpenTelemetry's semantic conventions, so producers (flags, inventory) and readers (the
// switch table, console, CLI) agree on one spelling and never collide with the conventions.

/** The namespace every span attribute, event and span name of the lab starts with. */
export const LAB_NAMESPACE = 'lab.';

/** The span attribute recording a fix switch, derived from its flag name: `fix.index` → `lab.fix.index`. */
export function fixAttributeOf<Name extends `fix.${string}`>(flagName: Name): `lab.${Name}` {
  return `lab.${flagName}` as const;
}

/** The span attribute recording a problem switch: `problem.pool` → `lab.problem.pool`. */
export function problemAttributeOf<Name extends `problem.${string}`>(flagName: Name): `lab.${Name}` {
  return `lab.${flagName}` as const;
}

/** What every problem attribute starts with. */
export const PROBLEM_ATTRIBUTE_PREFIX = problemAttributeOf('problem.');

/** What every fix attribute starts with, to pick them out of a span's attributes. */
export const FIX_ATTRIBUTE_PREFIX = fixAttributeOf('fix.');

/** Span attributes the lab writes. */
export const LAB_ATTRIBUTES = Object.freeze({
  fixIndex: fixAttributeOf('fix.index'),
  fixCache: fixAttributeOf('fix.cache'),
  fixBatch: fixAttributeOf('fix.batch'),
  fixOffload: fixAttributeOf('fix.offload'),
  /** On a cache lookup: every key was found. */
  cacheHit: 'lab.cache.hit',
  /** On a cache lookup: how many keys were found. */
  cacheHits: 'lab.cache.hits',
  cacheBackend: 'lab.cache.backend',
  cacheKeys: 'lab.cache.keys',
  /** On a cache-unavailable event: read, write or invalidate. */
  cacheOperation: 'lab.cache.operation',
  chaosDelayMs: 'lab.chaos.delay_ms',
  /** The span's request was delayed or failed on purpose. */
  chaosInjected: 'lab.chaos.injected',
  chaosErrorRate: 'lab.chaos.error_rate',
  /** On a checkout-retry event: why the first call to order did not settle the checkout. */
  checkoutRetryReason: 'lab.checkout.retry_reason',
} as const);

/** Span events the lab records. */
export const LAB_EVENTS = Object.freeze({
  /** The cache failed; the lookup went to Postgres instead. */
  cacheUnavailable: 'lab.cache.unavailable',
  /** The chaos.latency switch delayed this request. */
  chaosLatency: 'lab.chaos.latency',
  /** The chaos.errors switch failed this request. */
  chaosError: 'lab.chaos.error',
  /** The gateway called order a second time, with the same key and body, for this checkout. */
  checkoutRetry: 'lab.checkout.retry',
} as const);

/** Names of the spans the lab starts itself. */
export const LAB_SPANS = Object.freeze({
  cacheLookup: 'lab.cache.lookup',
} as const);

/** The fix attributes in display order. */
export const FIX_ATTRIBUTES = Object.freeze([LAB_ATTRIBUTES.fixIndex, LAB_ATTRIBUTES.fixCache, LAB_ATTRIBUTES.fixBatch] as const);
