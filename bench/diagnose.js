#!/usr/bin/env node
// Times @tracecart/trace-analysis `diagnose` with the lab's switch table on a realistic
// 10,000-span checkout trace (an N+1 of 1,998 inventory lookups, each a client span, a server
// span, a handler and a pg SELECT, plus one reservation UPDATE per item) against a baseline
// measured in the same run: a JSON round trip (parse + stringify) of the same trace. Build
// first: the packages are used from dist.
// Usage: npm run bench:diagnose [-- --runs 40]   (or node bench/diagnose.js --runs 40)
'use strict';
const { parseArgs } = require('node:util');
const { diagnose } = require('@tracecart/trace-analysis');
const { LAB_SWITCH_RULES } = require('@tracecart/lab-rules');
const { FIX_ATTRIBUTES } = require('@tracecart/contracts');

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '40' } } });

const TARGET_MS = 100;
const RUNS = Math.max(5, Number(args.runs) || 40);
const WARMUP = 5;
const ITEMS = 1998; // 5 spans per item + 10 fixed spans = 10,000 spans
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const BASE_NS = 1_700_000_000_000_000_000n;
const FLAGS = Object.fromEntries(FIX_ATTRIBUTES.map((name) => [name, false]));
const LOOKUP = 'SELECT sku, name, price_cents, on_hand FROM products WHERE sku = $1';
const RESERVE = 'UPDATE products SET on_hand = on_hand - $2 WHERE sku = $1 AND on_hand >= $2 RETURNING on_hand';

let nextId = 1;
const newId = () => (nextId++).toString(16).padStart(16, '0');
const nanos = (us) => (BASE_NS + BigInt(Math.round(us * 1000))).toString();

function encode(attributes) {
  return Object.entries(attributes).map(([key, v]) => ({
    key,
    value: typeof v === 'boolean' ? { boolValue: v } : typeof v === 'number' ? { intValue: String(v) } : { stringValue: v },
  }));
}

function span(out, service, parent, name, kind, startUs, endUs, attributes = {}) {
  const spanId = newId();
  const s = { traceId: TRACE_ID, spanId, name, kind, startTimeUnixNano: nanos(startUs), endTimeUnixNano: nanos(endUs), attributes: encode(attributes), status: {} };
  if (parent) s.parentSpanId = parent;
  (out[service] ??= []).push(s);
  return spanId;
}

// One GET /products/:sku round trip from order to inventory; returns its end (µs).
function lookup(out, orderSpan, k, t) {
  const sku = `SKU-${String(k + 1).padStart(7, '0')}`;
  const client = span(out, 'order', orderSpan, 'GET', 3, t, t + 1300, { 'http.request.method': 'GET', 'url.full': `http://127.0.0.1:8082/products/${sku}`, 'server.address': '127.0.0.1', 'server.port': 8082 });
  const server = span(out, 'inventory', client, 'GET /products/:sku', 2, t + 100, t + 1200, { 'http.request.method': 'GET', 'http.route': '/products/:sku', ...FLAGS });
  const handler = span(out, 'inventory', server, 'request handler - /products/:sku', 1, t + 150, t + 1150);
  span(out, 'inventory', handler, 'pg.query:SELECT tracecart', 3, t + 200, t + 1100, { 'db.system.name': 'postgresql', 'db.query.text': LOOKUP });
  return t + 1300;
}

function reservation(out, orderSpan, t) {
  const client = span(out, 'order', orderSpan, 'POST', 3, t, 0, { 'http.request.method': 'POST', 'url.full': 'http://127.0.0.1:8082/reservations' });
  const server = span(out, 'inventory', client, 'POST /reservations', 2, t + 100, 0, { 'http.request.method': 'POST', 'http.route': '/reservations', ...FLAGS });
  let u = t + 150;
  for (const sql of ['BEGIN', 'INSERT INTO reservations (order_id, status) VALUES ($1, $2)']) u = queryAt(out, server, sql, u, 100);
  for (let k = 0; k < ITEMS; k++) u = queryAt(out, server, RESERVE, u, 400);
  for (const sql of ['INSERT INTO reservation_lines (order_id, sku, quantity) SELECT $1, sku, quantity FROM unnest($2, $3)', 'COMMIT']) u = queryAt(out, server, sql, u, 100);
  setEnd(out.inventory, server, u + 50);
  setEnd(out.order, client, u + 100);
  return u + 100;
}

function queryAt(out, parent, sql, t, us) {
  span(out, 'inventory', parent, `pg.query:${sql.split(' ')[0]} tracecart`, 3, t, t + us, { 'db.system.name': 'postgresql', 'db.query.text': sql });
  return t + us + 10;
}

function setEnd(spans, spanId, us) {
  spans.find((s) => s.spanId === spanId).endTimeUnixNano = nanos(us);
}

function buildTrace() {
  const out = {};
  const gw = span(out, 'gateway', undefined, 'POST /api/checkout', 2, 0, 0, { 'http.request.method': 'POST', 'http.route': '/api/checkout', ...FLAGS });
  const gwc = span(out, 'gateway', gw, 'POST', 3, 50, 0, { 'http.request.method': 'POST', 'url.full': 'http://127.0.0.1:8081/orders' });
  const ord = span(out, 'order', gwc, 'POST /orders', 2, 100, 0, { 'http.request.method': 'POST', 'http.route': '/orders', ...FLAGS });
  let t = 200;
  for (let k = 0; k < ITEMS; k++) t = lookup(out, ord, k, t) + 20;
  t = reservation(out, ord, t);
  span(out, 'order', ord, 'pg.query:INSERT tracecart', 3, t, t + 500, { 'db.query.text': 'INSERT INTO orders (id, customer_id, total_cents) VALUES ($1, $2, $3)' });
  setEnd(out.order, ord, t + 600);
  setEnd(out.gateway, gwc, t + 650);
  setEnd(out.gateway, gw, t + 700);
  const resourceSpans = Object.entries(out).map(([service, spans]) => ({
    resource: { attributes: encode({ 'service.name': service }) },
    scopeSpans: [{ scope: { name: 'bench' }, spans }],
  }));
  return { resourceSpans };
}

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { median: at(50), p95: at(95) };
}

// Interleaved, so that both see the same machine: other load on a shared 2-core box moves
// both figures, and the ratio stays comparable.
function measurePair(subject, baseline) {
  for (let i = 0; i < WARMUP; i++) {
    subject();
    baseline();
  }
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(time(subject));
    b.push(time(baseline));
  }
  return [stats(a), stats(b)];
}

function main() {
  const trace = buildTrace();
  const spanCount = trace.resourceSpans.reduce((n, r) => n + r.scopeSpans[0].spans.length, 0);
  const jsonBytes = Buffer.byteLength(JSON.stringify(trace));
  const options = { rules: LAB_SWITCH_RULES };
  const result = diagnose(trace, options);
  const [d, b] = measurePair(() => diagnose(trace, options), () => JSON.parse(JSON.stringify(trace)));
  const fmt = (ms) => ms.toFixed(2).padStart(8);
  console.log(`trace: ${spanCount} spans, ${(jsonBytes / 1e6).toFixed(1)} MB of OTLP JSON; ${RUNS} interleaved runs of each after ${WARMUP} warm-up runs`);
  console.log(`verdict: ${result.verdict.line}`);
  console.log(`diagnose                        median ${fmt(d.median)} ms   p95 ${fmt(d.p95)} ms`);
  console.log(`baseline JSON.parse(stringify)  median ${fmt(b.median)} ms   p95 ${fmt(b.p95)} ms`);
  console.log(`ratio diagnose / baseline       median ${(d.median / b.median).toFixed(2).padStart(8)} x    p95 ${(d.p95 / b.p95).toFixed(2).padStart(8)} x`);
  console.log(`target: median under ${TARGET_MS} ms per ${spanCount}-span diagnosis: ${d.median < TARGET_MS ? 'met' : 'MISSED'}`);
}

main();
