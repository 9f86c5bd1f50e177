#!/usr/bin/env node
// How long from typing `lab demo` to the first checkout served (201), with the default
// 1,000,000-product catalog on the embedded PostgreSQL, against the same command with a
// 10,000-product catalog measured in the same run (the fixed cost: initdb, server start,
// tracestore, the apps). Prints every run, the medians and the ratio 1M / 10k.
//
// Each run starts from an empty data folder (what a first `npm run demo` does), polls
// POST /api/checkout every 100 ms until it answers 201, then stops the demo with SIGINT and
// waits for it to exit. The launcher's own "seeded" and "ready" figures are shown when it had
// printed them by then (the gateway can serve before the ready banner is out). The build is not timed: run `npm run build` first. The target for the
// 1M catalog is <= 15 s on a 2-core machine; the load average is printed before and after,
// since other work on the machine makes every figure larger.
//
// usage: node bench/demo-startup.js [--runs 2]
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createInterface } = require('node:readline');
const { parseArgs } = require('node:util');

const CLI_MAIN = path.join(__dirname, '..', 'packages', 'cli', 'dist', 'main.js');
const CHECKOUT = JSON.stringify({ customerId: 'c-bench', items: [{ sku: 'SKU-0000042', quantity: 1 }] });
const DEADLINE_MS = 180_000;
const TARGET_MS = 15_000;

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '2' } } });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'n/a');
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

async function checkoutStatus() {
  try {
    const response = await fetch('http://127.0.0.1:8080/api/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: CHECKOUT,
      signal: AbortSignal.timeout(20_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0; // not listening yet
  }
}

function launch(catalogSize, dataDir) {
  const env = { ...process.env, CATALOG_SIZE: String(catalogSize), LAB_DATA_DIR: dataDir };
  delete env.DATABASE_URL; // always the embedded PostgreSQL
  const child = spawn(process.execPath, [CLI_MAIN, 'demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

function phase(lines, pattern) {
  const match = lines.map((line) => line.match(pattern)).find(Boolean);
  return match ? Number(match[1]) * 1000 : NaN;
}

/** One cold start: ms to the first 201, plus the launcher's own "seeded" and "ready" figures. */
async function measure(catalogSize) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-startup-'));
  const started = performance.now();
  const demo = launch(catalogSize, dataDir);
  try {
    for (;;) {
      if (demo.child.exitCode !== null) throw new Error(`demo exited early:\n${demo.lines.slice(-5).join('\n')}`);
      if (performance.now() - started > DEADLINE_MS) throw new Error('no checkout served within the deadline');
      if ((await checkoutStatus()) === 201) break;
      await sleep(100);
    }
    const firstCheckoutMs = performance.now() - started;
    return {
      firstCheckoutMs,
      seedMs: phase(demo.lines, /seeded [\d,]+ products \((\d+\.\d) s\)/),
      readyMs: phase(demo.lines, /\| ready in (\d+\.\d) s/),
    };
  } finally {
    demo.child.kill('SIGINT');
    const code = await demo.exited;
    if (code !== 0) console.error(`demo exited with ${code} after SIGINT`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const runs = Number(args.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number from 1, not "${args.runs}"`);
  const sizes = [10_000, 1_000_000];
  const results = new Map(sizes.map((size) => [size, []]));
  console.log(`lab demo cold start to first checkout, ${runs} run(s) each, ${os.cpus().length} CPUs, load average ${loadAverage()}`);
  // Interleaved, so a change in the machine's load hits both sizes alike.
  for (let run = 1; run <= runs; run++) {
    for (const size of sizes) {
      const result = await measure(size);
      results.get(size).push(result);
      console.log(
        `  run ${run}  catalog ${size.toLocaleString('en-US').padStart(9)}: first checkout ${seconds(result.firstCheckoutMs)}` +
          `  (launcher: seed ${seconds(result.seedMs)}, ready ${seconds(result.readyMs)})`,
      );
    }
  }
  const baseline = median(results.get(10_000).map((r) => r.firstCheckoutMs));
  const full = median(results.get(1_000_000).map((r) => r.firstCheckoutMs));
  console.log(`median first checkout: 10k catalog ${seconds(baseline)}, 1M catalog ${seconds(full)}`);
  console.log(`ratio 1M / 10k: ${(full / baseline).toFixed(2)}   target for 1M: <= ${seconds(TARGET_MS)} -> ${full <= TARGET_MS ? 'met' : 'missed'}`);
  console.log(`load average after: ${loadAverage()}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
