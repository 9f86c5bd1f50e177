#!/usr/bin/env node
// What the lab needs to know about @tracecart/loadgen on this machine, against servers in a child
// process on 127.0.0.1 (so they do not share the generator's event loop):
// 1. Rate: the highest arrival rate at which the generator keeps its schedule against a trivial
//    node:http server: send lag p99 under 5 ms, achieved rate at least 99.5% of the target and no
//    errors, in short steps of 500, 1000, 2000, 3000... req/s. Target: at least 2,000 req/s.
// 2. Latency error: its p99 against a server that holds every response arriving in a known window
//    (200 ms every second) until the window ends. A request due at t inside a window truly waits
//    until the window's end, so the true latencies follow from the arrival schedule alone, not
//    from anything the generator measured. Target: measured p99 within 5% of that.
// The server anchors its windows on the first checkout it receives, which the generator sends at
// the start of its schedule. Unmodelled, and so part of the error: the loopback round trip, the
// server's timer firing late, and the generator reading a window's burst of responses in turn.
// Each step is retried once before it counts as missed: another process can spoil a single run.
// usage: npm run bench:loadgen [-- --step-seconds 3 --stall-seconds 10]
'use strict';

const { fork } = require('node:child_process');
const http = require('node:http');
const os = require('node:os');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');

const RATES = [500, 1000, 2000, 3000, 4000, 6000, 8000, 10000, 12500, 15000, 20000];
const RATE_TARGET = 2000;
const MAX_SEND_LAG_P99_MS = 5;
const MIN_ACHIEVED_SHARE = 0.995;
const STALLS = { periodMs: 1000, stallMs: 200, offsetMs: 400 };
const STALL_RATE = 500;
const MAX_P99_ERROR = 0.05;
// The whole bench stops itself after this long, whatever is still running.
const WATCHDOG_MS = 180_000;

// --serve KIND is how the bench starts its own server child; people pass the other two.
const { values: args } = parseArgs({
  options: { 'step-seconds': { type: 'string', default: '3' }, 'stall-seconds': { type: 'string', default: '10' }, serve: { type: 'string' } },
});

if (args.serve) serve(args.serve);
else main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

/** Child process: answers at once (`trivial`) or holds checkouts that arrive in a stall window (`stall`). */
function serve(kind) {
  const holdCheckout = kind === 'stall' ? createStallHold() : (respond) => respond();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST') return answer(res, 200, '{"status":"ok"}');
      holdCheckout(() => answer(res, 201, '{"orderId":"o-1","status":"confirmed","totalCents":100}'));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('disconnect', () => process.exit(0));
}

function answer(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

/** Holds each response that arrives inside a window until the window ends; windows count from the first checkout. */
function createStallHold() {
  let anchor = null;
  const windows = new Map();
  return (respond) => {
    const now = performance.now();
    anchor ??= now;
    const wait = stallWait(now - anchor, STALLS);
    if (wait === 0) return respond();
    // One timer per window releases everything it held at once, as a paused server would.
    const end = Math.round(now - anchor + wait);
    let held = windows.get(end);
    if (!held) {
      held = [];
      windows.set(end, held);
      setTimeout(() => {
        windows.delete(end);
        for (const release of held) release();
      }, wait);
    }
    held.push(respond);
  };
}

/** How long a request arriving `sinceAnchorMs` after the first one waits for its stall window to end (0 outside one). */
function stallWait(sinceAnchorMs, { periodMs, stallMs, offsetMs }) {
  if (sinceAnchorMs < offsetMs) return 0;
  const phase = (sinceAnchorMs - offsetMs) % periodMs;
  return phase < stallMs ? stallMs - phase : 0;
}

/** The latency every request of the schedule truly sees: request i is due at i / rate and waits out its window. */
function expectedLatencies(rate, count) {
  const intervalMs = 1000 / rate;
  return Array.from({ length: count }, (_, i) => stallWait(i * intervalMs, STALLS));
}

/** The value at rank ceil(p% x n), the rank HdrHistogram reports for percentile p. */
function percentileOf(sorted, percentile) {
  return sorted[Math.max(1, Math.ceil((percentile / 100) * sorted.length)) - 1];
}

async function startServer(kind) {
  const child = fork(__filename, ['--serve', kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** Runs `body` against a fresh server of `kind`, stopping the server however it ends. */
async function withServer(kind, body) {
  const server = await startServer(kind);
  try {
    return await body(server.url);
  } finally {
    server.stop();
  }
}

function loadPackage() {
  try {
    return require('../packages/loadgen');
  } catch (error) {
    console.error('build @tracecart/loadgen first: npx turbo run build --filter=@tracecart/loadgen');
    throw error;
  }
}

/** An open-model checkout load at `rate` for `seconds`; resolves to its report. */
function runCheckouts(loadgen, url, rate, seconds) {
  const factory = loadgen.createCheckoutFactory({ mix: 'mixed' });
  return loadgen.runLoad({ target: url, rate, durationMs: seconds * 1000, factory, graceMs: 5000 });
}

/** One short run at `rate`; kept when the schedule held (send lag, achieved rate) and nothing failed. */
async function runStep(loadgen, url, rate, seconds) {
  const report = await runCheckouts(loadgen, url, rate, seconds);
  const kept = report.sendLagMs.p99 < MAX_SEND_LAG_P99_MS && report.achievedRate >= MIN_ACHIEVED_SHARE * rate && report.counts.failed === 0;
  return { rate, report, kept };
}

function describeStep({ rate, report, kept }, note = '') {
  const lag = report.sendLagMs;
  return `  target ${String(rate).padStart(5)}/s  achieved ${report.achievedRate.toFixed(0).padStart(5)}/s` +
    `  send lag p50 ${lag.p50.toFixed(2)} p99 ${lag.p99.toFixed(2)} max ${lag.max.toFixed(1)} ms` +
    `  latency p50 ${report.latencyMs.p50.toFixed(2)} p99 ${report.latencyMs.p99.toFixed(2)} ms` +
    `  busy ${(report.generatorBusy * 100).toFixed(0)}%  errors ${report.counts.failed}  ${kept ? 'kept' : 'MISSED'}${note}`;
}

/** Steps the rate up until a step misses twice in a row; returns the highest rate kept (0 if none). */
async function findHighestRate(loadgen, url, seconds) {
  let best = 0;
  for (const rate of RATES) {
    let step = await runStep(loadgen, url, rate, seconds);
    console.log(describeStep(step));
    if (!step.kept) {
      step = await runStep(loadgen, url, rate, seconds);
      console.log(describeStep(step, ' (retry)'));
    }
    if (!step.kept) break;
    best = rate;
  }
  return best;
}

/** Runs the stall server's schedule and compares measured percentiles with the true ones. */
async function measureLatencyError(loadgen, url, seconds) {
  const report = await runCheckouts(loadgen, url, STALL_RATE, seconds);
  const expected = expectedLatencies(STALL_RATE, report.counts.scheduled).sort((a, b) => a - b);
  const rows = [
    ['p90', percentileOf(expected, 90), report.latencyMs.p90],
    ['p99', percentileOf(expected, 99), report.latencyMs.p99],
    ['p99.9', percentileOf(expected, 99.9), report.latencyMs.p999],
    ['max', expected[expected.length - 1], report.latencyMs.max],
  ];
  console.log(`  ${report.counts.sent} of ${report.counts.scheduled} sent, ${report.counts.failed} errors, send lag p99 ${report.sendLagMs.p99.toFixed(2)} ms, connection cap ${report.connections}`);
  for (const [name, want, got] of rows) {
    console.log(`  ${name.padEnd(6)} true ${want.toFixed(2).padStart(7)} ms  measured ${got.toFixed(2).padStart(7)} ms  error ${formatError(got, want)}`);
  }
  const p99 = rows[1];
  return { error: Math.abs(p99[2] - p99[1]) / p99[1], failed: report.counts.failed };
}

function formatError(got, want) {
  const error = (got - want) / want;
  return `${error >= 0 ? '+' : ''}${(error * 100).toFixed(2)}%`;
}

function loadAverage() {
  return os.loadavg().map((n) => n.toFixed(2)).join(' ');
}

async function main() {
  const loadgen = loadPackage();
  setTimeout(() => {
    console.error(`bench:loadgen: still running after ${WATCHDOG_MS / 1000} s; stopping`);
    process.exit(1);
  }, WATCHDOG_MS).unref();
  console.log(`${os.cpus().length} CPUs, load average ${loadAverage()}; servers in a child process on 127.0.0.1`);
  console.log(`rate: trivial server, ${args['step-seconds']} s per step; kept = send lag p99 < ${MAX_SEND_LAG_P99_MS} ms, achieved >= ${MIN_ACHIEVED_SHARE * 100}% of target, no errors`);
  const highest = await withServer('trivial', (url) => findHighestRate(loadgen, url, Number(args['step-seconds'])));
  const { periodMs, stallMs, offsetMs } = STALLS;
  console.log(`latency: ${STALL_RATE} req/s for ${args['stall-seconds']} s; the server holds what arrives in [${offsetMs} + k*${periodMs}, +${stallMs}) ms after the first checkout until the window ends`);
  const stall = await withServer('stall', (url) => measureLatencyError(loadgen, url, Number(args['stall-seconds'])));
  console.log(`load average now ${loadAverage()}`);
  console.log('');
  const ratePass = highest >= RATE_TARGET;
  const latencyPass = stall.error <= MAX_P99_ERROR && stall.failed === 0;
  const ceiling = highest === RATES[RATES.length - 1] ? ' (the top step; the limit lies higher)' : '';
  console.log(`rate on schedule: ${highest} req/s${ceiling} (target >= ${RATE_TARGET}): ${ratePass ? 'PASS' : 'MISS'}`);
  console.log(`p99 latency error: ${(stall.error * 100).toFixed(2)}% (target <= ${MAX_P99_ERROR * 100}%): ${latencyPass ? 'PASS' : 'MISS'}`);
}
