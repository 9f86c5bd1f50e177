#!/usr/bin/env node
// Problem switches benchmark: for each problem switch, the same open-model checkout load with the
// problem on, then with the problem and its fix on, measured in one run: p95 at a fixed rate, and
// the highest sustained checkout rate that meets the SLO, each as a ratio, against the target
// (the fix restores at least 3x the sustained rate, or cuts p95 at least 3x).
// Usage: npm run bench:problems [-- --only problem.pool --duration 10s --slo 'p99<300ms,success>=99.9%']
//   --rate N          the fixed rate for p95, instead of each problem's own
//   --step 4s         length of one step of the sustained-rate search
//   --search-budget 45s  hard cap on one search (problem or fix); it keeps the best rate found
// It exits 3 when some problem's fix misses the target, as `lab load` does when the SLO is missed.
// Each problem runs under the conditions its README section names (catalog size, sku index,
// pool size, mix), on a stack of its own, so one problem's settings never leak into another's.
// Catalogs live in one database per size, reused across runs (seeding is the slow part); every
// problem starts from the same stock and an empty order history.
'use strict';
const { parseArgs } = require('node:util');
const { createPool, ensureDatabase, migrate, seedCatalog, INITIAL_ON_HAND } = require('@tracecart/db');
const { DEFAULT_FLAGS, FLAG_NAMES, PROBLEM_FIXES, REQUEST_PATH_PROBLEMS, IndexReconciler, readFlagSnapshot, writeFlag } = require('@tracecart/flags');
const { FLASH_SKU_COUNT, createCheckoutFactory, createSeededRandom, formatSku, formatSlo, parseSlo, runLoad } = require('@tracecart/loadgen');
const { parseDuration } = require('@tracecart/units');
const { startStack, startOtlpReceiver } = require('@tracecart/testkit');

// A shop's last hour of reservations, spread over the flash SKUs: the history each hot-row audit
// sums the SKU's demand over (the README's 50,000 past orders).
const HOT_ROW_HISTORY_ORDERS = 50_000;
// Enough stock on the flash SKUs that no search sells them out: a refused line is a failure.
const FLASH_ON_HAND = 10_000_000;

/**
 * The conditions under which each problem shows, from its README section and its test:
 * - sync-cpu: a small catalog, every other switch off; concurrent checkouts queue on the loop.
 * - pool: a pool of 4 (as many dashboards) and reports that refresh almost at once, on 200,000
 *   products with the sku index on, so the checkouts' own statements are quick and only the wait shows.
 * - hot-row: a flash sale (every item from the few flash SKUs) over a long reservation history.
 * - retries: 200,000 products without the sku index, so inventory is slower than the 100 ms
 *   attempt timeout once a few checkouts overlap; three items make four inventory calls.
 * `rate` is the fixed rate p95 is measured at, one where the problem shows on a small machine:
 * for the retry storm that is past the point where inventory answers within the attempt timeout.
 */
const PROFILES = {
  'problem.sync-cpu': { catalogSize: 3000, index: false, mix: 'mixed', items: 1, rate: 20, env: {} },
  'problem.pool': {
    catalogSize: 200_000,
    index: true,
    mix: 'mixed',
    items: 1,
    rate: 5,
    env: { PG_POOL_MAX: '4', STOCK_REPORT_INTERVAL_MS: '20' },
  },
  'problem.hot-row': { catalogSize: 3000, index: false, mix: 'flash', items: 1, rate: 10, env: {}, history: HOT_ROW_HISTORY_ORDERS },
  'problem.retries': { catalogSize: 200_000, index: false, mix: 'mixed', items: 3, rate: 18, env: {} },
};

// The search's bounds: below MIN_RATE a step of a few seconds holds too few checkouts to judge.
const MIN_RATE = 0.5;
// Far past what the services sustain on one machine; the generator's connections cap out near it.
const MAX_RATE = 400;
const MAX_DOUBLINGS = 7;
const BISECT_STEPS = 3;
// A failed step leaves work queued in the services (abandoned attempts, waiting reports): the
// next step starts once it has drained, not on top of it.
const SETTLE_AFTER_FAIL_MS = 2000;
// Every service picks a switch change up within about a second.
const SWITCH_PICKUP_MS = 1500;
const TARGET_RATIO = 3;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    duration: { type: 'string', default: '10s' },
    step: { type: 'string', default: '4s' },
    'search-budget': { type: 'string', default: '45s' },
    rate: { type: 'string' },
    slo: { type: 'string', default: 'p99<300ms,success>=99.9%' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/tracecart_bench_problems' },
  },
});

const { interrupt, checkNotInterrupted, sleep } = require('./support/interrupt');

/** The problems to run, in the problem table's order; a name without a profile is a bug here. */
function selectProblems(only) {
  // The slow consumer's harm is freshness, not checkout latency: bench:fulfilment measures it.
  const problems = REQUEST_PATH_PROBLEMS;
  for (const name of problems) if (!PROFILES[name]) throw new Error(`no benchmark profile for ${name}`);
  if (!only) return problems;
  for (const name of only) if (!problems.includes(name)) throw new Error(`--only ${name}: not a problem switch (${problems.join(', ')})`);
  return problems.filter((name) => only.includes(name));
}

/** One database per catalog size, so a larger catalog seeded once serves every later run. */
function databaseUrlFor(base, catalogSize) {
  const url = new URL(base);
  url.pathname = `${url.pathname}_${catalogSize}`;
  return url.toString();
}

async function prepareDatabase(url, profile) {
  await ensureDatabase(url);
  const pool = createPool(url, { applicationName: 'bench-problems', max: 4, statementTimeoutMs: 0 });
  try {
    await migrate(pool);
    await seedCatalog(pool, profile.catalogSize, (p) => process.stdout.write(`\rseeding ${p.inserted}/${p.total}`));
    // Every problem starts from the same stock and an empty history, whatever earlier runs sold.
    await pool.query('TRUNCATE order_items, idempotency_keys, orders, reservation_lines, reservations, stock_audit');
    await pool.query('UPDATE products SET on_hand = $1 WHERE on_hand <> $1', [INITIAL_ON_HAND]);
    if (profile.mix === 'flash') await stockFlashSkus(pool);
    if (profile.history) await insertHistory(pool, profile.history);
    await pool.query('VACUUM ANALYZE products, reservations, reservation_lines');
    return pool;
  } catch (error) {
    await pool.end();
    throw error;
  }
}

function flashSkus() {
  return Array.from({ length: FLASH_SKU_COUNT }, (_, i) => formatSku(i + 1));
}

async function stockFlashSkus(pool) {
  await pool.query('UPDATE products SET on_hand = $1 WHERE sku = ANY($2)', [FLASH_ON_HAND, flashSkus()]);
}

// Past orders of the flash SKUs, released long ago so no sweep gives their stock back, but
// created within the hour the audit sums over.
async function insertHistory(pool, orders) {
  await pool.query(
    `WITH past AS (
       INSERT INTO reservations (order_id, status, released_at)
       SELECT gen_random_uuid(), 'released', now() FROM generate_series(1, $1) RETURNING order_id)
     INSERT INTO reservation_lines (order_id, sku, quantity)
     SELECT order_id, ($2::text[])[1 + (row_number() OVER () % $3)], 1 FROM past`,
    [orders, flashSkus(), FLASH_SKU_COUNT],
  );
}

/** Writes every switch (defaults, then the overrides) and waits until the index matches. */
async function setSwitches(pool, reconciler, overrides) {
  const wanted = { ...DEFAULT_FLAGS, ...overrides };
  // Each write notifies the services on commit (the lab_flags trigger).
  for (const name of FLAG_NAMES) await writeFlag(pool, name, wanted[name]);
  await reconciler.reconcile();
  const snapshot = await readFlagSnapshot(pool);
  if (Object.keys(snapshot.pending).length) throw new Error(`switches still pending: ${JSON.stringify(snapshot.pending)}`);
  await sleep(SWITCH_PICKUP_MS);
}

/** Runs one load; a fresh seeded factory per run, so problem and fix see the same checkouts. */
async function load(stack, profile, label, options) {
  checkNotInterrupted();
  const factory = createCheckoutFactory({
    mix: profile.mix,
    items: profile.items,
    catalogSize: profile.catalogSize,
    random: createSeededRandom(seedOf(label)),
  });
  return runLoad({ target: stack.gateway.url, factory, signal: interrupt.signal, ...options });
}

function seedOf(label) {
  return [...label].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
}

/** p95 and failures at the fixed rate, after an unrecorded warm-up that opens the services' pools. */
async function measureAtRate(stack, profile, setting, rate, durationMs, slo) {
  await load(stack, profile, `${setting}-warm`, { rate, durationMs: Math.min(3000, durationMs), slo, graceMs: 5000 });
  const report = await load(stack, profile, setting, { rate, durationMs, slo });
  return { p95: report.latencyMs.p95, p99: report.latencyMs.p99, failed: report.counts.failed, sent: report.counts.sent };
}

/** True when a step at this rate meets the SLO. */
async function sustains(stack, profile, setting, rate, stepMs, slo) {
  const report = await load(stack, profile, `${setting}-${rate}`, { rate, durationMs: stepMs, slo, graceMs: 5000, warmupRequests: 20 });
  const met = report.slo.verdict === 'pass';
  console.log(`  ${setting} at ${rate}/s: ${met ? 'meets' : 'misses'} the SLO (p99 ${report.latencyMs.p99.toFixed(0)} ms, ${report.counts.failed} of ${report.counts.sent} failed)`);
  if (!met) await sleep(SETTLE_AFTER_FAIL_MS);
  return met;
}

const roundRate = (rate) => Number(rate.toPrecision(2));

/**
 * The highest rate that met the SLO: from the start rate, doubling while it holds (or halving
 * while it does not), then bisecting between the last rate met and the first missed. Bounded by
 * step counts and by the time budget; when the budget runs out the best rate met so far stands.
 * Returns { rate, below } where below means not even MIN_RATE was met (rate is then MIN_RATE).
 */
async function searchSustainedRate(stack, profile, setting, startRate, stepMs, budgetMs, slo) {
  const deadline = Date.now() + budgetMs;
  const inBudget = () => Date.now() + stepMs < deadline;
  let met = 0;
  let missed = Infinity;
  let rate = roundRate(startRate);
  for (let i = 0; i < MAX_DOUBLINGS && inBudget(); i++) {
    if (await sustains(stack, profile, setting, rate, stepMs, slo)) {
      met = rate;
      if (missed < Infinity || rate >= MAX_RATE) break;
      rate = roundRate(Math.min(MAX_RATE, rate * 2));
    } else {
      missed = rate;
      if (met > 0 || rate <= MIN_RATE) break;
      rate = roundRate(Math.max(MIN_RATE, rate / 2));
    }
  }
  for (let i = 0; i < BISECT_STEPS && met > 0 && missed < Infinity && inBudget(); i++) {
    const middle = roundRate((met + missed) / 2);
    if (middle <= met || middle >= missed) break;
    if (await sustains(stack, profile, setting, middle, stepMs, slo)) met = middle;
    else missed = middle;
  }
  return met > 0 ? { rate: met, below: false } : { rate: MIN_RATE, below: true };
}

/** Problem on, then problem and fix on, on one stack: the fixed-rate p95 and the sustained rate of each. */
async function benchProblem(problem, options) {
  const profile = PROFILES[problem];
  const fix = PROBLEM_FIXES[problem];
  const rate = options.rate ?? profile.rate;
  const url = databaseUrlFor(options.database, profile.catalogSize);
  console.log(`\n${problem} -> ${fix}: catalog ${profile.catalogSize}, mix ${profile.mix}, ${profile.items} item(s), fix.index ${profile.index ? 'on' : 'off'}${describeEnv(profile.env)}`);
  const pool = await prepareDatabase(url, profile);
  const reconciler = new IndexReconciler(pool, (err) => console.error(`index: ${err.message}`));
  let receiver;
  let stack;
  try {
    receiver = await startOtlpReceiver();
    stack = await startStack({ databaseUrl: url, otlpEndpoint: receiver.endpoint, env: profile.env });
    const base = { 'fix.index': profile.index };
    const settings = [
      ['problem', { ...base, [problem]: true }],
      ['fix', { ...base, [problem]: true, [fix]: true }],
    ];
    const results = {};
    for (const [setting, switches] of settings) {
      await setSwitches(pool, reconciler, switches);
      const atRate = await measureAtRate(stack, profile, setting, rate, options.durationMs, options.slo);
      console.log(`  ${setting} at ${rate}/s: p95 ${atRate.p95.toFixed(1)} ms, ${atRate.failed} of ${atRate.sent} failed`);
      const sustained = await searchSustainedRate(stack, profile, setting, rate, options.stepMs, options.budgetMs, options.slo);
      results[setting] = { ...atRate, sustained };
    }
    return { problemName: problem, fixName: fix, rate, problem: results.problem, fix: results.fix };
  } finally {
    // Back to every default, so the next problem (or a later run) starts clean.
    await setSwitches(pool, reconciler, {}).catch((err) => console.error(`resetting switches: ${err.message}`));
    await stack?.stop();
    await receiver?.close();
    await pool.end();
  }
}

function describeEnv(env) {
  const parts = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  return parts.length ? `, ${parts.join(' ')}` : '';
}

/** Problem/fix ratios; a problem that met the SLO at no rate tried gives a lower bound (">"). */
function ratiosOf(result) {
  const p95Cut = result.problem.p95 / result.fix.p95;
  const { problem, fix } = { problem: result.problem.sustained, fix: result.fix.sustained };
  const rateGain = fix.below ? (problem.below ? null : 0) : fix.rate / problem.rate;
  const rateGainIsBound = problem.below && !fix.below;
  return { p95Cut, rateGain, rateGainIsBound, met: p95Cut >= TARGET_RATIO || (rateGain ?? 0) >= TARGET_RATIO };
}

function printTable(result) {
  const { p95Cut, rateGain, rateGainIsBound, met } = ratiosOf(result);
  const rateText = (s) => (s.below ? `<${MIN_RATE}` : String(s.rate));
  const row = (label, problem, fix, ratio) => console.log(`${label.padEnd(26)}${problem.padStart(10)}${fix.padStart(12)}${ratio.padStart(10)}`);
  console.log(`\n${result.problemName} -> ${result.fixName}`);
  row('', 'problem', '+ fix', 'ratio');
  row(`p95 at ${result.rate}/s (ms)`, result.problem.p95.toFixed(1), result.fix.p95.toFixed(1), `${p95Cut.toFixed(1)}x`);
  row(`failed at ${result.rate}/s`, `${result.problem.failed}/${result.problem.sent}`, `${result.fix.failed}/${result.fix.sent}`, '');
  const gain = rateGain === null ? '-' : `${rateGainIsBound ? '>' : ''}${rateGain.toFixed(1)}x`;
  row('sustained at SLO (/s)', rateText(result.problem.sustained), rateText(result.fix.sustained), gain);
  console.log(`target (fix restores >=${TARGET_RATIO}x sustained rate or cuts p95 >=${TARGET_RATIO}x): ${met ? 'met' : 'NOT met'}`);
}

async function main() {
  const problems = selectProblems(args.only);
  const slo = parseSlo(args.slo);
  const options = {
    durationMs: parseDuration(args.duration),
    stepMs: parseDuration(args.step),
    budgetMs: parseDuration(args['search-budget']),
    rate: args.rate === undefined ? undefined : Number(args.rate),
    slo,
    database: args.database,
  };
  if (options.rate !== undefined && !(options.rate > 0 && options.rate <= MAX_RATE)) throw new Error(`--rate must be above 0 and at most ${MAX_RATE}`);
  console.log(`SLO ${formatSlo(slo)}; p95 over ${options.durationMs / 1000}s at a fixed rate; search steps of ${options.stepMs / 1000}s, at most ${options.budgetMs / 1000}s per search`);
  const results = [];
  for (const problem of problems) {
    results.push(await benchProblem(problem, options));
    checkNotInterrupted();
  }
  for (const result of results) printTable(result);
  // Exit status says whether every problem measured met the target, for scripts.
  if (results.some((r) => !ratiosOf(r).met)) process.exitCode = 3;
}

main().catch((error) => {
  console.error(`bench:problems: ${error.message}`);
  process.exit(1);
});
