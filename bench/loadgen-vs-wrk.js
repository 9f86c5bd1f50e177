#!/usr/bin/env node
// How fast can @tracecart/loadgen drive a trivial local server, compared with wrk on the same
// server in the same run? Prints both and the ratio loadgen / wrk (the goal is at least 0.8).
//
// wrk is closed-loop: its figure is the server's throughput with N connections kept busy.
// loadgen is open-model: its figure is the highest constant arrival rate it sustained, meaning
// achieved rate >= 98% of target, no errors, nothing held back, and a median latency that did not
// explode. The server runs in a child process so neither tool shares an event loop with it.
//
// Why the median and not p99: once the arrival rate passes what the server (or the generator) can
// do, a queue builds up and every later request waits longer, so the median climbs by orders of
// magnitude within one step. p99 instead also moves with single stalls of the machine: on a shared
// 2-core VM one 50 ms pause of the host lifts the p99 of a 4-second step past any sane limit at a
// tenth of the server's capacity, which judges the VM rather than the generator. p99 and max are
// still printed for every step.
//
// A third figure, loadgen's own HTTP/1.1 client driven closed-loop from one Node thread with the
// same connections and the same request, is the ceiling for the generator here: it shows how much
// of the gap to wrk is the open-model bookkeeping (schedule, histograms, request factory) and how
// much is Node + the client per request.
//
// Both tools get the same number of keep-alive connections. The machine's load average is printed
// before and after: other processes competing for the CPUs make every figure here smaller.
//
// usage: node bench/loadgen-vs-wrk.js [--step-seconds 4] [--connections 32]
'use strict';

const { spawnSync, spawn, fork } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

// wrk sends this fixed body; loadgen's checkout factory builds a fresh one of the same shape per request.
const BODY = JSON.stringify({ customerId: 'c-1', items: [{ sku: 'SKU-0000042', quantity: 1 }] });
// The search starts at 10% of wrk's figure, grows by 25% until a step fails, then bisects.
const FIRST_FRACTION = 0.1;
const GROWTH = 1.25;
const BISECTIONS = 3;
const P50_FLOOR_MS = 5;

if (process.argv[2] === '--serve') serve();
else main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

/** Child process: answer every request at once, 201 + a small JSON body, like a fast checkout. */
function serve() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const ok = req.method === 'POST';
      res.writeHead(ok ? 201 : 200, { 'content-type': 'application/json' });
      res.end(ok ? '{"orderId":"o-1","status":"confirmed","totalCents":100}' : '{"status":"ok"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('disconnect', () => process.exit(0));
}

function readFlag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

function loadAverage() {
  return os.loadavg().map((n) => n.toFixed(2)).join(' ');
}

function hasWrk() {
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  return !probe.error;
}

function loadPackage() {
  try {
    return require('../packages/loadgen');
  } catch (error) {
    console.error('build @tracecart/loadgen first: npx turbo run build --filter=@tracecart/loadgen');
    throw error;
  }
}

async function startServer() {
  const child = fork(__filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** Runs wrk for `seconds` with the same POST the checkout factory sends; returns requests/s. */
function runWrk(url, seconds, connections) {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loadgen-bench-')), 'post.lua');
  fs.writeFileSync(script, [
    'wrk.method = "POST"',
    `wrk.body = ${JSON.stringify(BODY)}`,
    'wrk.headers["content-type"] = "application/json"',
    'wrk.headers["baggage"] = "synthetic_request=true"',
  ].join('\n'));
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', script, `${url}/api/checkout`];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', () => {
      fs.rmSync(path.dirname(script), { recursive: true, force: true });
      const match = /Requests\/sec:\s+([\d.]+)/.exec(out);
      if (match) resolve(Number(match[1]));
      else reject(new Error(`could not read wrk output:\n${out}`));
    });
  });
}

/** The generator's HTTP client closed-loop: `connections` workers, each sending the next request as soon as one returns. */
async function runClientCeiling(url, seconds, connections) {
  // Internal to the package (not exported), so it is loaded from the build output directly.
  const { createHttpSender } = require('../packages/loadgen/dist/http-sender');
  const sender = createHttpSender(url, { connections });
  const request = { method: 'POST', path: '/api/checkout', headers: Object.freeze({ 'content-type': 'application/json' }), body: BODY };
  const isSuccess = (status) => status === 201;
  const sendOne = () => new Promise((resolve) => sender.send(request, isSuccess, resolve, 0));
  let done = 0;
  const end = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const outcome = await sendOne();
      if (!outcome.success) throw new Error(`client ceiling: request failed with ${outcome.code}`);
      done++;
    }
  };
  const started = Date.now();
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    await sender.close();
  }
  return (done * 1000) / (Date.now() - started);
}

/** One open-model step; sustained when it kept the rate, had no errors and no queue built up. */
async function runStep(loadgen, url, rate, seconds, connections, baselineP50) {
  const factory = loadgen.createCheckoutFactory({ mix: 'mixed' });
  const report = await loadgen.runLoad({ target: url, rate, durationMs: seconds * 1000, factory, connections, graceMs: 5000 });
  const p50Limit = Math.max(P50_FLOOR_MS, 5 * (baselineP50 ?? 0));
  const sustained =
    report.achievedRate >= 0.98 * rate && report.counts.failed === 0 && report.counts.heldBack === 0 && report.latencyMs.p50 <= p50Limit;
  return { rate, report, sustained };
}

function describeStep({ rate, report, sustained }) {
  const l = report.latencyMs;
  return `  target ${String(Math.round(rate)).padStart(6)}/s  achieved ${report.achievedRate.toFixed(0).padStart(6)}/s` +
    `  p50 ${l.p50.toFixed(2)}ms  p99 ${l.p99.toFixed(2)}ms  max ${l.max.toFixed(1)}ms` +
    `  send lag p99 ${report.sendLagMs.p99.toFixed(1)}ms  held ${report.counts.heldBack}` +
    `  busy ${(report.generatorBusy * 100).toFixed(0)}%  errors ${report.counts.failed}  ${sustained ? 'sustained' : 'NOT sustained'}`;
}

async function findLoadgenMax(loadgen, url, wrkRate, seconds, connections) {
  // A first, unjudged step lets V8 optimise the generator, as wrk's first seconds warm the server.
  const warmup = await runStep(loadgen, url, Math.round(wrkRate * FIRST_FRACTION), 3, connections, null);
  console.log(`${describeStep(warmup)}  (warm-up, not judged)`);
  // "The median exploded" means more than 5x the median of the first judged (lightest) step, and
  // over 5 ms. A failed step is run once more before it counts: another process on the machine can
  // still spoil a single run.
  let baselineP50 = null;
  const judge = async (rate) => {
    let step = await runStep(loadgen, url, Math.round(rate), seconds, connections, baselineP50);
    console.log(describeStep(step));
    if (!step.sustained) {
      step = await runStep(loadgen, url, Math.round(rate), seconds, connections, baselineP50);
      console.log(`${describeStep(step)}  (retry)`);
    }
    if (baselineP50 === null) baselineP50 = step.report.latencyMs.p50;
    return step;
  };
  let best = null;
  let failedRate = null;
  for (let rate = wrkRate * FIRST_FRACTION; rate <= wrkRate * 1.2; rate *= GROWTH) {
    const step = await judge(rate);
    if (!step.sustained) {
      failedRate = rate;
      break;
    }
    best = step;
  }
  for (let i = 0; i < BISECTIONS && best && failedRate; i++) {
    const step = await judge((best.rate + failedRate) / 2);
    if (step.sustained) best = step;
    else failedRate = step.rate;
  }
  return best;
}

async function main() {
  if (!hasWrk()) {
    console.log('wrk is not installed, so there is nothing to compare against; skipping (install the Debian package "wrk").');
    return;
  }
  const loadgen = loadPackage();
  const seconds = readFlag('--step-seconds', 4);
  const connections = readFlag('--connections', 32);
  const server = await startServer();
  try {
    console.log(`server: trivial Node http server in a child process at ${server.url}; ${os.cpus().length} CPUs, load average ${loadAverage()}`);
    const wrkBefore = await runWrk(server.url, seconds + 1, connections);
    console.log(`wrk -t1 -c${connections}: ${wrkBefore.toFixed(0)} req/s`);
    console.log(`loadgen, stepping the arrival rate up from ${FIRST_FRACTION * 100}% of wrk's figure, then bisecting (${seconds}s per step):`);
    const best = await findLoadgenMax(loadgen, server.url, wrkBefore, seconds, connections);
    const ceiling = await runClientCeiling(server.url, seconds, connections);
    console.log(`loadgen's HTTP client closed-loop, ${connections} connections, one thread: ${ceiling.toFixed(0)} req/s`);
    const wrkAfter = await runWrk(server.url, seconds + 1, connections);
    console.log(`wrk -t1 -c${connections} again: ${wrkAfter.toFixed(0)} req/s`);
    const wrkRate = Math.max(wrkBefore, wrkAfter);
    const loadgenRate = best ? best.report.achievedRate : 0;
    console.log('');
    console.log(`wrk (best of two):             ${wrkRate.toFixed(0)} req/s`);
    console.log(`loadgen highest sustained:     ${loadgenRate.toFixed(0)} req/s${best ? ` (p50 ${best.report.latencyMs.p50.toFixed(2)}ms, p99 ${best.report.latencyMs.p99.toFixed(2)}ms)` : ''}`);
    console.log(`client closed-loop ceiling:    ${ceiling.toFixed(0)} req/s`);
    console.log(`ratio loadgen / wrk:           ${(loadgenRate / wrkRate).toFixed(2)} (goal >= 0.80)`);
    console.log(`ratio loadgen / client:        ${(loadgenRate / ceiling).toFixed(2)}`);
    console.log(`load average now ${loadAverage()}`);
  } finally {
    server.stop();
  }
}
