#!/usr/bin/env node
// What query plans on slow statements add to a traced request: the tracing package's Express/pg
// fixture under the preload, with plans on (TRACING_EXPLAIN_MS=50, the default) and off
// (TRACING_EXPLAIN_MS=0), in alternating rounds. Each request runs one slow statement (a
// pg_sleep of 80 ms on a table with no index) and is sent one after another, so the figure is
// the latency a caller sees. Plans are cached per statement text for 30 s: the first slow
// request of a round pays the hook and schedules the EXPLAIN (after the statement ended), the
// others carry the cached plan. Prints p50 and p95 per mode and the ratio on/off.
// Spans go to an in-process OTLP receiver. Bounded: rounds × requests requests per mode.
// Usage: npm run bench:explain [-- --rounds 3 --requests 40]
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { createInterface } = require('node:readline');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const { startOtlpReceiver } = require('@tracecart/testkit');

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, requests: { type: 'string', default: '40' } },
});
const TRACING = path.join(__dirname, '..', 'packages', 'tracing');
const TABLE = `bench_plan_items_${process.pid}`;
const admin = () => new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });

async function withAdmin(statements) {
  const client = admin();
  await client.connect();
  try {
    for (const text of statements) await client.query(text);
  } finally {
    await client.end();
  }
}

/** One round: the fixture under the preload with this threshold, `count` sequential slow requests. */
async function round(receiver, explainMs, count) {
  const child = spawn(process.execPath, ['--require', path.join(TRACING, 'dist', 'register.js'), path.join(TRACING, 'test', 'fixtures', 'express-pg-server.js')], {
    env: { ...process.env, OTEL_SERVICE_NAME: 'bench-explain', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, TRACING_EXPLAIN_MS: String(explainMs), PLAN_TABLE: TABLE },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
    const times = [];
    for (let i = 0; i < count; i += 1) {
      const started = process.hrtime.bigint();
      const answer = await fetch(`http://127.0.0.1:${port}/plan/slow/sku-${1 + (i % 100)}`);
      await answer.arrayBuffer();
      if (answer.status !== 200) throw new Error(`request answered ${answer.status}`);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return times;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

async function main() {
  const rounds = Number(args.rounds);
  const count = Number(args.requests);
  await withAdmin([`CREATE TABLE ${TABLE} (sku text NOT NULL)`, `INSERT INTO ${TABLE} SELECT 'sku-' || g FROM generate_series(1, 100000) g`, `ANALYZE ${TABLE}`]);
  const receiver = await startOtlpReceiver();
  const times = { on: [], off: [] };
  try {
    for (let r = 0; r < rounds; r += 1) {
      times.on.push(...(await round(receiver, 50, count)));
      times.off.push(...(await round(receiver, 0, count)));
    }
  } finally {
    await receiver.close();
    await withAdmin([`DROP TABLE IF EXISTS ${TABLE}`]);
  }
  const explains = receiver.spans().filter((s) => s.span.name === 'EXPLAIN').length;
  console.log(`slow statement (pg_sleep 80 ms + Seq Scan of 100000 rows), ${rounds} rounds × ${count} sequential requests per mode`);
  for (const p of [50, 95]) {
    const on = percentile(times.on, p);
    const off = percentile(times.off, p);
    console.log(`p${p}: plans on ${on.toFixed(1)} ms, off ${off.toFixed(1)} ms, on/off ${(on / off).toFixed(3)}`);
  }
  console.log(`EXPLAIN spans recorded: ${explains} (one per round when the plan cache works)`);
}

main().catch((error) => {
  console.error(`bench:explain: ${error.message}`);
  process.exit(1);
});
