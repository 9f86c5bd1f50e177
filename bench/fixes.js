#!/usr/bin/env node
// Fix switches benchmark: the same open-model checkout load for each setting (none, index,
// cache, batch, all) on one catalog, measured in one run, with each setting's p95 as a ratio
// of "none". Usage: npm run bench:fixes [-- --rate 1.5 --duration 20s --items 3 --catalog 1000000]
// The default rate is one the unfixed lab can just sustain; above it "none" queues without bound.
// The load is the "mixed" mix: 80% of items from a hot set of the first POPULAR_SKU_COUNT SKUs,
// the rest from the whole catalog. A live shop has its hot set cached, so before each setting is
// measured the hot set is looked up once (it fills the cache when fix.cache is on; otherwise it is
// one more read): a 3 s warm-up alone touches only a few of those SKUs, and the cache would be
// measured cold. Only name and price are cached, so checkouts do not empty it.
'use strict';
const { parseArgs } = require('node:util');
const { createPool, ensureDatabase, migrate, seedCatalog } = require('@tracecart/db');
const { writeFlag, IndexReconciler, readFlagSnapshot } = require('@tracecart/flags');
const { runLoad, createCheckoutFactory, formatSku, POPULAR_SKU_COUNT } = require('@tracecart/loadgen');
const { parseDuration } = require('@tracecart/units');
const { startStack, startOtlpReceiver } = require('@tracecart/testkit');

const SETTINGS = {
  none: {},
  index: { 'fix.index': true },
  cache: { 'fix.cache': true },
  batch: { 'fix.batch': true },
  all: { 'fix.index': true, 'fix.cache': true, 'fix.batch': true },
};

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '1.5' },
    duration: { type: 'string', default: '20s' },
    items: { type: 'string', default: '3' },
    catalog: { type: 'string', default: '1000000' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/tracecart_bench' },
  },
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function prepareDatabase(url, size) {
  await ensureDatabase(url);
  const pool = createPool(url, { applicationName: 'bench-fixes', max: 4, statementTimeoutMs: 0 });
  await migrate(pool);
  await seedCatalog(pool, size, (p) => process.stdout.write(`\rseeding ${p.inserted}/${p.total}`));
  // Every run starts from the same stock, whatever earlier runs sold.
  await pool.query('UPDATE products SET on_hand = 1000 WHERE on_hand <> 1000');
  await pool.query('TRUNCATE order_items, idempotency_keys, orders, reservation_lines, reservations');
  await pool.query('VACUUM ANALYZE products');
  return pool;
}

async function applySetting(pool, reconciler, setting) {
  for (const name of ['fix.index', 'fix.cache', 'fix.batch']) await writeFlag(pool, name, Boolean(setting[name]));
  await reconciler.reconcile();
  const snapshot = await readFlagSnapshot(pool);
  if (Object.keys(snapshot.pending).length) throw new Error(`switches still pending: ${JSON.stringify(snapshot.pending)}`);
  await sleep(1500); // every service picks the change up within a second
}

// One batched lookup of the hot set, straight to inventory, as a running shop's traffic has done.
async function warmHotSet(stack, catalogSize) {
  const skus = Array.from({ length: Math.min(POPULAR_SKU_COUNT, catalogSize) }, (_, i) => formatSku(i + 1));
  const res = await fetch(`${stack.inventory.url}/products/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ skus }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`warming the hot set: inventory answered ${res.status}`);
}

async function measure(stack, name, rate, durationMs, items, catalogSize) {
  const factory = createCheckoutFactory({ mix: 'mixed', items, catalogSize, random: seeded(name) });
  await warmHotSet(stack, catalogSize);
  // Unrecorded warm-up: fills the cache (when on) and the connection pools as a live system has them.
  await runLoad({ target: stack.gateway.url, rate, durationMs: 3000, factory });
  const report = await runLoad({ target: stack.gateway.url, rate, durationMs, factory });
  return { name, ...report.latencyMs, achievedRate: report.achievedRate, errors: report.counts.failed };
}

function seeded(label) {
  let state = [...label].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function printTable(rows) {
  const none = rows.find((r) => r.name === 'none');
  console.log('\nsetting   p50 ms   p95 ms   p99 ms   rate/s  errors  p95(none)/p95');
  for (const r of rows) {
    const ratio = none ? (none.p95 / r.p95).toFixed(1) : '-';
    const cells = [r.p50, r.p95, r.p99].map((v) => v.toFixed(1).padStart(8));
    console.log(`${r.name.padEnd(8)}${cells.join(' ')} ${r.achievedRate.toFixed(2).padStart(8)} ${String(r.errors).padStart(7)}  ${ratio.padStart(8)}x`);
  }
}

async function main() {
  const rate = Number(args.rate);
  const durationMs = parseDuration(args.duration);
  const items = Number(args.items);
  const pool = await prepareDatabase(args.database, Number(args.catalog));
  const reconciler = new IndexReconciler(pool, (err) => console.error(`index: ${err.message}`));
  const receiver = await startOtlpReceiver();
  const stack = await startStack({ databaseUrl: args.database, otlpEndpoint: receiver.endpoint });
  const rows = [];
  try {
    console.log(`\n${rate} checkouts/s of ${items} items for ${durationMs / 1000}s per setting, catalog ${args.catalog}`);
    for (const [name, setting] of Object.entries(SETTINGS)) {
      await applySetting(pool, reconciler, setting);
      rows.push(await measure(stack, name, rate, durationMs, items, Number(args.catalog)));
      console.log(`${name}: p95 ${rows.at(-1).p95.toFixed(1)} ms`);
    }
    printTable(rows);
  } finally {
    await applySetting(pool, reconciler, {});
    await stack.stop();
    await receiver.close();
    await pool.end();
  }
}

main().catch((error) => {
  console.error(`bench:fixes: ${error.message}`);
  process.exit(1);
});
