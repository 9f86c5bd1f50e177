#!/usr/bin/env node
// Fulfilment benchmark: the order.placed consumer with problem.slow-consumer on, then with
// fix.consumers on, measured in one run on one stack:
// - the sustained fulfilment rate: a backlog of checkouts placed while the worker is paused
//   (SIGSTOP), then drained; shipments per second from the first to the last shipment;
// - freshness (commit to shipment, from the database) under an open-model checkout rate above
//   the problem's service rate; orders still unshipped when the bounded drain wait ends count at
//   their age then, so the problem's p99 is a lower bound (">").
// Usage: npm run bench:fulfilment [-- --backlog 200 --rate 25 --duration 20s --drain 15s]
// It exits 3 when the fix raises the sustained rate less than 4x.
'use strict';
const { parseArgs } = require('node:util');
const { DEFAULT_FLAGS, FLAG_NAMES, writeFlag } = require('@tracecart/flags');
const { MESSAGING } = require('@tracecart/contracts');
const { createCheckoutFactory, createSeededRandom, parseSlo, runLoad } = require('@tracecart/loadgen');
const { parseDuration } = require('@tracecart/units');
const { createTestDatabase, requestJson, startOtlpReceiver, startStack } = require('@tracecart/testkit');

const CATALOG_SIZE = 1000;
const TARGET_RATIO = 4;
// The freshness objective's bound: 5 s from commit to fulfilment.
const FRESHNESS_BOUND_MS = MESSAGING.DEFAULT_FRESHNESS_SLO.thresholdMs;
// Checkouts of the backlog placed at once: quick to place, without queueing in the gateway.
const PLACE_CONCURRENCY = 20;
// Every service picks a switch change up within about a second; the worker gauge confirms it.
const SWITCH_WAIT_MS = 10_000;
const POLL_MS = 200;

const { values: args } = parseArgs({
  options: {
    backlog: { type: 'string', default: '200' },
    rate: { type: 'string', default: '25' },
    duration: { type: 'string', default: '20s' },
    // The longest a drain is watched: the problem's backlog would take minutes to clear.
    drain: { type: 'string', default: '15s' },
  },
});

const { interrupt, checkNotInterrupted, sleep } = require('./support/interrupt');

/** Writes every switch (defaults, then the overrides) and waits for the worker to run `workers`. */
async function setSwitches(bench, overrides, workers) {
  const wanted = { ...DEFAULT_FLAGS, ...overrides };
  // Each write's lab_flags trigger tells the services on commit.
  for (const name of FLAG_NAMES) await writeFlag(bench.db.pool, name, wanted[name]);
  const gauge = new RegExp(`^${MESSAGING.METRIC_WORKERS}(\\{[^}]*\\})? ${workers}$`, 'm');
  const deadline = Date.now() + SWITCH_WAIT_MS;
  while (!gauge.test(await (await fetch(`${bench.stack.fulfilment.url}/metrics`)).text())) {
    if (Date.now() > deadline) throw new Error(`fulfilment did not switch to ${workers} workers`);
    await sleep(POLL_MS);
  }
}

/** The database's clock, so every interval is read on the clock the rows were stamped with. */
async function dbNow(bench) {
  return (await bench.db.pool.query('SELECT clock_timestamp() AS now')).rows[0].now;
}

/** Places `count` checkouts, PLACE_CONCURRENCY at a time; every one must be accepted. */
async function placeCheckouts(bench, count, label) {
  const factory = createCheckoutFactory({ mix: 'longtail', items: 2, catalogSize: CATALOG_SIZE, random: createSeededRandom(label.length * 7919) });
  let next = 0;
  const placeOne = async () => {
    for (let i = next++; i < count; i = next++) {
      const request = factory.createRequest(i);
      const res = await requestJson(`${bench.stack.gateway.url}${request.path}`, { method: request.method, body: request.body === undefined ? undefined : JSON.parse(request.body) });
      if (res.status !== 201) throw new Error(`checkout ${i} of ${label} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
  };
  await Promise.all(Array.from({ length: PLACE_CONCURRENCY }, placeOne));
}

/** Orders created since `since`: how many, and how many have shipped. */
async function shippedSince(bench, since) {
  const { rows } = await bench.db.pool.query(
    'SELECT count(*)::int AS placed, count(s.order_id)::int AS shipped FROM orders o LEFT JOIN shipments s ON s.order_id = o.id WHERE o.created_at >= $1',
    [since],
  );
  return rows[0];
}

/** Waits until every order since `since` shipped, or `boundMs` passed. */
async function waitForDrain(bench, since, boundMs) {
  const deadline = Date.now() + boundMs;
  for (;;) {
    checkNotInterrupted();
    const { placed, shipped } = await shippedSince(bench, since);
    if (shipped === placed || Date.now() > deadline) return { placed, shipped };
    await sleep(POLL_MS);
  }
}

/**
 * The sustained rate: a backlog placed while the worker is paused, then drained. Shipments per
 * second between the first and the last shipment seen within the drain bound.
 */
async function measureSustainedRate(bench, backlog, drainMs, label) {
  const since = await dbNow(bench);
  process.kill(bench.stack.fulfilment.pid, 'SIGSTOP');
  try {
    await placeCheckouts(bench, backlog, label);
  } finally {
    process.kill(bench.stack.fulfilment.pid, 'SIGCONT');
  }
  await waitForDrain(bench, since, drainMs);
  const { rows } = await bench.db.pool.query(
    `SELECT count(*)::int AS n, extract(epoch FROM max(s.shipped_at) - min(s.shipped_at))::float8 AS span_s
       FROM shipments s JOIN orders o ON o.id = s.order_id WHERE o.created_at >= $1`,
    [since],
  );
  const { n, span_s: spanSeconds } = rows[0];
  return { shipped: n, backlog, perSecond: n > 1 && spanSeconds > 0 ? (n - 1) / spanSeconds : 0 };
}

/**
 * Freshness under an open-model checkout rate: each order's time from commit to shipment; an
 * order still unshipped after the drain wait counts at its age then (a lower bound).
 */
async function measureFreshness(bench, options, label) {
  const since = await dbNow(bench);
  const factory = createCheckoutFactory({ mix: 'longtail', items: 2, catalogSize: CATALOG_SIZE, random: createSeededRandom(label.length * 104729) });
  const report = await runLoad({ target: bench.stack.gateway.url, factory, rate: options.rate, durationMs: options.durationMs, slo: options.slo, signal: interrupt.signal });
  await waitForDrain(bench, since, options.drainMs);
  const { rows } = await bench.db.pool.query(
    `SELECT extract(epoch FROM coalesce(s.shipped_at, clock_timestamp()) - o.created_at)::float8 * 1000 AS lag_ms, s.order_id IS NULL AS waiting
       FROM orders o LEFT JOIN shipments s ON s.order_id = o.id WHERE o.created_at >= $1 ORDER BY lag_ms`,
    [since],
  );
  const lags = rows.map((r) => r.lag_ms);
  const waiting = rows.filter((r) => r.waiting).length;
  const p99 = lags[Math.min(lags.length - 1, Math.ceil(0.99 * lags.length) - 1)] ?? 0;
  // The p99 is a lower bound once an unshipped order sits at or above it.
  const p99IsBound = rows.some((r) => r.waiting && r.lag_ms >= p99);
  const within = lags.filter((ms) => ms <= FRESHNESS_BOUND_MS).length;
  return { orders: lags.length, sent: report.counts.sent, failed: report.counts.failed, waiting, p99, p99IsBound, withinPercent: lags.length ? (100 * within) / lags.length : 0 };
}

const SETTINGS = [
  { name: 'problem', switches: { 'problem.slow-consumer': true }, workers: 1 },
  { name: 'fix', switches: { 'problem.slow-consumer': true, 'fix.consumers': true }, workers: 16 },
];

/** Per setting: the sustained rate, then freshness; a backlog the problem leaves is cleared under the fix, unmeasured. */
async function benchSettings(bench, options) {
  const results = {};
  for (const setting of SETTINGS) {
    await setSwitches(bench, setting.switches, setting.workers);
    console.log(`\n${setting.name}: ${Object.keys(setting.switches).join(' + ')}, ${setting.workers} worker(s)`);
    const sustained = await measureSustainedRate(bench, options.backlog, options.drainMs, `${setting.name}-backlog`);
    console.log(`  backlog of ${sustained.backlog}: ${sustained.shipped} shipped within the drain bound, ${sustained.perSecond.toFixed(1)}/s`);
    await clearBacklog(bench);
    await setSwitches(bench, setting.switches, setting.workers);
    const freshness = await measureFreshness(bench, options, `${setting.name}-open`);
    console.log(`  ${options.rate}/s for ${options.durationMs / 1000}s: ${freshness.orders} orders, p99 ${formatLag(freshness)}, ${freshness.withinPercent.toFixed(1)}% within 5 s, ${freshness.waiting} unshipped after the drain bound`);
    await clearBacklog(bench);
    results[setting.name] = { sustained, freshness };
  }
  return results;
}

/** Drains whatever the last measurement left queued under the fix, so the next starts from an empty queue. */
async function clearBacklog(bench) {
  await setSwitches(bench, { 'fix.consumers': true }, 16);
  const { placed, shipped } = await waitForDrain(bench, new Date(0), 120_000);
  if (shipped !== placed) throw new Error(`${placed - shipped} orders still unshipped after clearing the backlog`);
}

function formatLag(freshness) {
  return `${freshness.p99IsBound ? '>' : ''}${(freshness.p99 / 1000).toFixed(2)} s`;
}

function printTable(results, options) {
  const { problem, fix } = results;
  const rateGain = fix.sustained.perSecond / problem.sustained.perSecond;
  const p99Cut = problem.freshness.p99 / fix.freshness.p99;
  const row = (label, a, b, ratio) => console.log(`${label.padEnd(34)}${a.padStart(10)}${b.padStart(12)}${ratio.padStart(10)}`);
  console.log('\nproblem.slow-consumer -> fix.consumers');
  row('', 'problem', '+ fix', 'ratio');
  row(`sustained fulfilment (/s)`, problem.sustained.perSecond.toFixed(1), fix.sustained.perSecond.toFixed(1), `${rateGain.toFixed(1)}x`);
  row(`freshness p99 at ${options.rate}/s`, formatLag(problem.freshness), formatLag(fix.freshness), `${problem.freshness.p99IsBound ? '>' : ''}${p99Cut.toFixed(1)}x`);
  row('shipped within 5 s', `${problem.freshness.withinPercent.toFixed(1)}%`, `${fix.freshness.withinPercent.toFixed(1)}%`, '');
  row(`checkouts failed at ${options.rate}/s`, `${problem.freshness.failed}/${problem.freshness.sent}`, `${fix.freshness.failed}/${fix.freshness.sent}`, '');
  const met = rateGain >= TARGET_RATIO;
  console.log(`target (fix raises the sustained fulfilment rate >=${TARGET_RATIO}x): ${met ? 'met' : 'NOT met'}`);
  return met;
}

async function main() {
  const options = {
    backlog: Number(args.backlog),
    rate: Number(args.rate),
    durationMs: parseDuration(args.duration),
    drainMs: parseDuration(args.drain),
    // The checkouts' own objective is not what this bench judges; runLoad reports it all the same.
    slo: parseSlo('p99<300ms,success>=99.9%'),
  };
  if (!(Number.isInteger(options.backlog) && options.backlog >= 10 && options.backlog <= 2000)) throw new Error('--backlog must be a whole number from 10 to 2000');
  if (!(options.rate > 0 && options.rate <= 200)) throw new Error('--rate must be above 0 and at most 200');
  console.log(`backlog ${options.backlog}, open model ${options.rate}/s for ${options.durationMs / 1000}s, drains watched up to ${options.drainMs / 1000}s`);
  const bench = { db: await createTestDatabase({ catalogSize: CATALOG_SIZE }) };
  let receiver;
  try {
    receiver = await startOtlpReceiver();
    bench.stack = await startStack({ databaseUrl: bench.db.url, otlpEndpoint: receiver.endpoint, fulfilment: {} });
    const results = await benchSettings(bench, options);
    if (!printTable(results, options)) process.exitCode = 3;
  } finally {
    await bench.stack?.stop();
    await receiver?.close();
    await bench.db.drop();
  }
}

main().catch((error) => {
  console.error(`bench:fulfilment: ${error.message}`);
  process.exit(1);
});
