'use strict';
// Tracestore ingest bench: spans/s accepted over real HTTP, and memory at the MAX_TRACES cap
// against an empty store, both measured in this run.
//
//   npx turbo run build --filter=@tracecart/tracestore...   (the bench uses the built packages)
//   node --expose-gc bench/tracestore-ingest.js
//
// Env: BENCH_SECONDS (at-cap phase, default 10), BENCH_MAX_TRACES (default 10000),
// BENCH_CONCURRENCY (requests in flight, default 4), BENCH_BATCH_SPANS (spans per export, default 512).
// The tracestore runs in this process, so the client's work (building and sending bodies) shares
// the event loop with the server: the spans/s figures are a lower bound for a separate process.
const http = require('node:http');
const os = require('node:os');
const { startTracestore } = require('@tracecart/tracestore');
const { createLogger } = require('@tracecart/tracing');
const { makeCheckoutTrace, exportBatches } = require('../apps/tracestore/test/fixtures/checkout-traces.js');

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const MAX_TRACES = Number(process.env.BENCH_MAX_TRACES || 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 4);
const BATCH_SPANS = Number(process.env.BENCH_BATCH_SPANS || 512);
const FILL_LIMIT_SECONDS = 120;
const TRACES_PER_ROUND = 64;
// makeCheckoutTrace ends every trace id with this; each round swaps in its own number.
const ID_MARKER = 'c0ffee00c0ffee00';

/** One round of export bodies: checkouts of 3 to 10 items (23 to 58 spans), as text templates. */
function buildRoundTemplates() {
  const now = BigInt(Date.now()) * 1_000_000n;
  const traces = Array.from({ length: TRACES_PER_ROUND }, (_, index) =>
    makeCheckoutTrace({ index, startNs: now + BigInt(index) * 1_000_000n, items: 3 + (index % 8), fail: index % 16 === 5, fixIndex: index % 2 === 0 }),
  );
  const bodies = exportBatches(traces, BATCH_SPANS);
  const spans = traces.reduce((n, t) => n + t.entries.length, 0);
  return { templates: bodies.map((body) => JSON.stringify(body)), spans };
}

function post(agent, port, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/v1/traces', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`ingest answered ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Posts rounds with CONCURRENCY requests in flight until `done(stats)` says stop; returns what was sent. */
async function postRounds(port, round, done) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const stats = { rounds: 0, spans: 0, traces: 0, startedAt: process.hrtime.bigint(), cpuAtStart: process.cpuUsage() };
  const queue = [];
  let roundNumber = stats.rounds;
  const refill = () => {
    const id = (0x10000000 + round.next++).toString(16).padStart(16, '0');
    for (const template of round.templates) queue.push(Buffer.from(template.replaceAll(ID_MARKER, id)));
  };
  const worker = async () => {
    while (!done(stats)) {
      if (queue.length === 0) refill();
      const body = queue.shift();
      await post(agent, port, body);
      if (queue.length === 0 && roundNumber === stats.rounds) {
        roundNumber++;
        stats.rounds++;
        stats.spans += round.spans;
        stats.traces += TRACES_PER_ROUND;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  stats.seconds = Number(process.hrtime.bigint() - stats.startedAt) / 1e9;
  const cpu = process.cpuUsage(stats.cpuAtStart);
  stats.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return stats;
}

function memory() {
  if (global.gc) {
    global.gc();
    global.gc();
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

// CPU time of this process (all threads: server, in-process client, GC): a figure other load on
// the machine does not move, unlike spans per wall-clock second.
const perCpu = (phase) => `${int(phase.spans / phase.cpuSeconds)} spans per CPU-second (${Math.round((100 * phase.cpuSeconds) / phase.seconds)}% CPU)`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const int = (n) => Math.round(n).toLocaleString('en-US');

async function main() {
  const round = { ...buildRoundTemplates(), next: 0 };
  const tracestore = await startTracestore({ otlpPort: 0, queryPort: 0, maxTraces: MAX_TRACES, logger: createLogger('bench', 'silent') });
  try {
    const empty = memory();
    const fillDeadline = Date.now() + FILL_LIMIT_SECONDS * 1000;
    const fill = await postRounds(tracestore.otlpPort, round, (s) => s.traces >= MAX_TRACES || Date.now() > fillDeadline);
    const full = memory();
    const steadyDeadline = Date.now() + SECONDS * 1000;
    const steady = await postRounds(tracestore.otlpPort, round, () => Date.now() > steadyDeadline);
    const afterSteady = memory();
    report({ round, fill, steady, empty, full, afterSteady });
  } finally {
    await tracestore.close();
  }
}

function report({ round, fill, steady, empty, full, afterSteady }) {
  const storedSpans = Math.min(fill.traces, MAX_TRACES) * (round.spans / TRACES_PER_ROUND);
  console.log(`tracestore ingest bench: node ${process.version}, ${os.cpus().length} CPUs, in-process client, ${CONCURRENCY} requests in flight`);
  console.log(`  round: ${TRACES_PER_ROUND} checkout traces, ${round.spans} spans, ${round.templates.length} export bodies of <= ${BATCH_SPANS} spans`);
  if (fill.traces < MAX_TRACES) console.log(`  WARNING: the cap of ${MAX_TRACES} traces was not reached within ${FILL_LIMIT_SECONDS} s`);
  console.log(`  filling to MAX_TRACES=${MAX_TRACES}: ${int(fill.spans)} spans in ${fill.seconds.toFixed(1)} s = ${int(fill.spans / fill.seconds)} spans/s; ${perCpu(fill)}`);
  const steadyRate = steady.spans / steady.seconds;
  console.log(`  at the cap (evicting): ${int(steady.spans)} spans in ${steady.seconds.toFixed(1)} s = ${int(steadyRate)} spans/s; ${perCpu(steady)}`);
  console.log(`    target >= 20,000 spans/s: ${steadyRate >= 20_000 ? 'met' : 'NOT met'} (load average now ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);
  const gcNote = global.gc ? '' : ' (no --expose-gc: figures include garbage)';
  console.log(`  heap used: empty ${mb(empty.heapUsed)}, at cap ${mb(full.heapUsed)}, after the at-cap phase ${mb(afterSteady.heapUsed)}${gcNote}`);
  console.log(`    at cap / empty = ${(full.heapUsed / empty.heapUsed).toFixed(1)}x; ~${int((full.heapUsed - empty.heapUsed) / storedSpans)} bytes per stored span`);
  console.log(`  RSS: empty ${mb(empty.rss)}, at cap ${mb(full.rss)}, after the at-cap phase ${mb(afterSteady.rss)}; at cap / empty = ${(full.rss / empty.rss).toFixed(1)}x`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
