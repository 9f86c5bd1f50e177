// The lab's checkout load for people who prefer k6; `npm run lab -- load` is the built-in twin.
//
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=50 -e DURATION=60s infra/k6/checkout.js
//   docker compose --profile k6 run --rm k6
//
// Open model: constant-arrival-rate starts iterations on schedule whether or not earlier ones
// have answered, so a slow checkout never holds back the next one (no coordinated omission).
// If every VU is busy, k6 drops the iteration and counts it in dropped_iterations; the threshold
// below fails the run then, because a schedule that was not kept measures the generator, not the lab.
//
// Options (-e NAME=value): BASE_URL, RATE (checkouts/s), DURATION, MIX (popular|longtail|mixed|flash),
// ITEMS (distinct SKUs per checkout), CATALOG_SIZE, MAX_VUS.
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:8080';
const RATE = Number(__ENV.RATE || 50);
const DURATION = __ENV.DURATION || '60s';
const MIX = __ENV.MIX || 'mixed';
const ITEMS = Number(__ENV.ITEMS || 1);
const CATALOG_SIZE = Number(__ENV.CATALOG_SIZE || 1000000);
// Enough VUs for every checkout of the next few seconds to be in flight at once.
const MAX_VUS = Number(__ENV.MAX_VUS || Math.max(50, RATE * 4));

// The first 100 SKUs are the popular ones; "mixed" draws 80% of items from them. A flash sale
// sells only the first 3, so concurrent checkouts contend for their rows (problem.hot-row).
// The same numbers as the lab's own load generator (packages/loadgen).
const POPULAR_SKU_COUNT = 100;
const FLASH_SKU_COUNT = 3;
const MIXED_POPULAR_SHARE = 0.8;
const CUSTOMERS = 1000;

// The lab's SLO: 99% of checkouts under 300 ms, 99.9% succeed (a 4xx is the shopper's mistake,
// so only a 5xx or no answer at all counts as a failure, as in the Prometheus rules).
export const options = {
  discardResponseBodies: true,
  scenarios: {
    checkout: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: Math.min(RATE, MAX_VUS),
      maxVUs: MAX_VUS,
    },
  },
  thresholds: {
    'http_req_duration{scenario:checkout}': ['p(99)<300'],
    'http_req_failed{scenario:checkout}': ['rate<0.001'],
    dropped_iterations: ['count<1'],
  },
};

http.setResponseCallback(http.expectedStatuses({ min: 200, max: 499 }));

/** `SKU-` and 7 digits, like the seeded catalog. */
export function formatSku(n) {
  return `SKU-${String(n).padStart(7, '0')}`;
}

function pickSkuNumber() {
  if (MIX === 'flash') return 1 + Math.floor(Math.random() * Math.min(FLASH_SKU_COUNT, CATALOG_SIZE));
  const popular = Math.min(POPULAR_SKU_COUNT, CATALOG_SIZE);
  const fromPopular = MIX === 'popular' || (MIX === 'mixed' && Math.random() < MIXED_POPULAR_SHARE);
  return 1 + Math.floor(Math.random() * (fromPopular ? popular : CATALOG_SIZE));
}

/** The checkout body: `{"customerId":"c-1","items":[{"sku":"SKU-0000042","quantity":1}]}`. */
export function checkoutBody(iteration) {
  const skus = new Set();
  for (let attempt = 0; skus.size < ITEMS && attempt < ITEMS * 50; attempt++) skus.add(pickSkuNumber());
  return {
    customerId: `c-${1 + (iteration % CUSTOMERS)}`,
    items: [...skus].map((n) => ({ sku: formatSku(n), quantity: 1 })),
  };
}

export default function () {
  const body = JSON.stringify(checkoutBody(exec.scenario.iterationInTest));
  const res = http.post(`${BASE_URL}/api/checkout`, body, {
    headers: { 'content-type': 'application/json', baggage: 'synthetic_request=true' },
    tags: { name: 'POST /api/checkout' },
    timeout: '30s',
  });
  check(res, { 'checkout answered 201': (r) => r.status === 201 });
}
