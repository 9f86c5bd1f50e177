#!/usr/bin/env node
// The fault suite at the counts: twenty PostgreSQL restarts under a constant checkout
// load, Redis killed and restarted with fix.cache on, inventory SIGKILLed under `lab demo`'s
// supervisor, and the trace store hung with SIGSTOP. Each runs on a PostgreSQL and a Redis of its
// own (ephemeral 127.0.0.1 ports, temporary folders, removed at the end). Per fault it prints
// checkouts sent, failed checkouts by status, 500s (target 0), recovery time after each return
// (max and median; target 5 s), whether the invariant held, then one summary line.
//
// Every loop is bounded in count and time and stops itself. The build is not timed: run
// `npm run build` first (the npm script does).
//
// usage: node bench/faults.js [--restarts 20] [--rate 15]
'use strict';

const os = require('node:os');
const { parseArgs } = require('node:util');
const suite = require('../packages/fault-suite/dist');

const { values: args } = parseArgs({
  options: { restarts: { type: 'string', default: '20' }, rate: { type: 'string', default: '15' } },
});
const restarts = Number(args.restarts);
const ratePerSecond = Number(args.rate);
if (!(restarts >= 1 && restarts <= 50 && ratePerSecond >= 1 && ratePerSecond <= 50)) {
  console.error('--restarts must be 1..50 and --rate 1..50');
  process.exit(2);
}
// The demo's supervisor gives up after 5 restarts within a minute: kills stay under that.
const KILLS = 4;
const KILL_SPACING_MS = 12_000;
const HANG_MS = 20_000;

// Runs faults one after the other on one lab, printing each report as it comes.
async function onLab(startLab, runs) {
  const lab = await startLab();
  try {
    const reports = [];
    for (const run of runs) {
      const report = await run(lab);
      console.log(`${suite.formatFaultReport(report).join('\n')}\n`);
      reports.push(report);
    }
    return reports;
  } finally {
    await lab.stop();
  }
}

async function main() {
  console.log(`fault bench: ${restarts} restarts, ${ratePerSecond} checkouts/s, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}\n`);
  const reports = [
    ...(await onLab(suite.startStackLab, [
      (lab) => suite.runPostgresRestarts(lab, { restarts, ratePerSecond, downMs: 500, upMs: 1000 }),
      (lab) => suite.runRedisRestarts(lab, { restarts: Math.min(restarts, 10), ratePerSecond, downMs: 1500, upMs: 1000 }),
    ])),
    ...(await onLab(suite.startDemoLab, [
      (lab) => suite.runServiceKills(lab, { service: 'inventory', kills: KILLS, ratePerSecond, spacingMs: KILL_SPACING_MS }),
      (lab) => suite.runTraceStoreHang(lab, { hangMs: HANG_MS, ratePerSecond }),
    ])),
  ];
  const held = reports.filter(suite.faultHeld).length;
  const recoveries = reports.flatMap((r) => r.recoveriesMs);
  const worst = recoveries.length ? Math.max(...recoveries) : Number.NaN;
  const target = suite.RECOVERY_TARGET_MS;
  console.log(
    `summary: ${held}/${reports.length} faults held; 500s ${reports.reduce((n, r) => n + r.serverErrors, 0)}; ` +
      `worst recovery ${(worst / 1000).toFixed(2)} s (target ${target / 1000} s: ${worst <= target ? 'met' : 'missed'}); ` +
      `invariant ${reports.every((r) => r.invariant.held) ? 'held' : 'BROKEN'} everywhere`,
  );
  process.exitCode = held === reports.length ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
