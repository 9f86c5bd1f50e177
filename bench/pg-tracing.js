#!/usr/bin/env node
// CPU per pg query with tracecart's pg hook and a recording parent span, against the same queries
// untraced, in alternating rounds of one process. Spans are recorded by the SDK's batch processor;
// the exporter drops them, so the figure is the hook's own cost (export costs the same per span
// whatever made it; bench:tracing measures the whole stack).
// Usage: npm run bench:pg-tracing [-- --queries 20000 --rounds 5]
'use strict';
const { parseArgs } = require('node:util');
const pg = require('pg');
const { context, trace } = require('@opentelemetry/api');
const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
const { BasicTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { patchPg, unpatchPg } = require('../packages/tracing/dist/pg-tracing');

const { values: args } = parseArgs({
  options: {
    queries: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '5' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});

const dropAll = { export: (_spans, done) => done({ code: 0 }), shutdown: async () => {} };
const provider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(dropAll, { maxQueueSize: 8192 })] });
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(provider);
const tracer = trace.getTracer('bench');

// Two queries in flight at a time under one recording root span, as a request handler would run them.
async function runQueries(pool, count) {
  const root = tracer.startSpan('root');
  await context.with(trace.setSpan(context.active(), root), async () => {
    for (let i = 0; i < count / 2; i++) {
      await Promise.all([pool.query('SELECT $1::int AS x', [i]), pool.query('SELECT $1::int AS x', [i + 1])]);
    }
  });
  root.end();
}

async function cpuMicrosPerQuery(pool, count) {
  const before = process.cpuUsage();
  await runQueries(pool, count);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const pool = new pg.Pool({ connectionString: args.database, max: 4 });
  const queries = Number(args.queries);
  const figures = { untraced: [], traced: [] };
  try {
    for (const mode of ['untraced', 'traced']) {
      if (mode === 'traced') patchPg(pg, () => tracer);
      await runQueries(pool, queries); // warm-up: JIT, connections
      unpatchPg(pg);
    }
    for (let round = 0; round < Number(args.rounds); round++) {
      for (const mode of ['untraced', 'traced']) {
        if (mode === 'traced') patchPg(pg, () => tracer);
        figures[mode].push(await cpuMicrosPerQuery(pool, queries));
        unpatchPg(pg);
      }
      console.log(`round ${round + 1}: untraced ${figures.untraced[round].toFixed(1)} µs/query, traced ${figures.traced[round].toFixed(1)} µs/query`);
    }
  } finally {
    await pool.end();
    await provider.shutdown();
  }
  const ratios = figures.traced.map((traced, i) => traced / figures.untraced[i]);
  console.log(
    `median of ${args.rounds} rounds: untraced ${median(figures.untraced).toFixed(1)} µs CPU per query, ` +
      `traced ${median(figures.traced).toFixed(1)}; traced/untraced ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(' ')})`,
  );
}

main().catch((error) => {
  console.error(`bench:pg-tracing: ${error.message}`);
  process.exit(1);
});
