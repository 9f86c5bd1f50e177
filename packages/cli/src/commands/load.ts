import {
  LoadArgsError,
  LOAD_USAGE,
  createLoadOptions,
  formatFreshnessObjective,
  formatProgressLine,
  formatReport,
  parseLoadArgs,
  recordSettingsAtEnd,
  runLoad,
  type LoadArgs,
  type LoadReport,
} from '@tracecart/loadgen';
import { MESSAGING } from '@tracecart/contracts';
import { UsageError, type Command } from '../command';
import { DEFAULT_FRESHNESS_GRACE_MS, DEFAULT_FULFILMENT_URL, splitFreshnessArgs, type FreshnessArgs } from '../load/freshness-args';
import { startFreshnessProbe } from '../load/freshness-probe';
import { readStartContext, readSwitches } from '../load/lab-context';
import { RUNS_DIR, defaultReportPath, writeReportFile } from '../load/report-file';
import { SwitchWatch } from '../load/switch-watch';

const DEFAULT_FRESHNESS = formatFreshnessObjective(MESSAGING.DEFAULT_FRESHNESS_SLO);

const USAGE = [
  LOAD_USAGE,
  `            [--freshness ${DEFAULT_FRESHNESS}] [--fulfilment-url ${DEFAULT_FULFILMENT_URL}] [--freshness-grace ${DEFAULT_FRESHNESS_GRACE_MS / 1000}s]`,
  `--json alone writes the report to ${RUNS_DIR}/<start time>-<rate>rps.json; --json FILE writes exactly FILE.`,
  'The report records the switches (read from the console, CONSOLE_URL), the workload and the lab version.',
  `Freshness: fulfilment's ${MESSAGING.METRIC_FULFILMENT_LAG} histogram (--fulfilment-url, loopback only) is read before`,
  `the run and again once ${MESSAGING.ORDER_PLACED_QUEUE} has drained, waiting at most --freshness-grace; messages still queued`,
  'then count as late. When fulfilment does not answer, the report says "freshness not measured" and the run goes on.',
  'Exit 0 when the SLO passed and freshness was met (or not measured); 3 when the SLO failed or the measured',
  'freshness objective was missed; 2 on a usage error.',
].join('\n');

/** Exit code of a run that finished but missed its SLO or its measured freshness objective, so scripts can tell it from a crash. */
export const SLO_MISSED_EXIT = 3;

// Compose names the gateway service as the target; that one host is allowed by name
// (LOADGEN_ALLOW_TARGET=gateway). Without it, only loopback targets are accepted.
function allowedHosts(): string[] {
  const host = process.env.LOADGEN_ALLOW_TARGET?.trim();
  return host ? [host] : [];
}

function parseArgsOrUsage(args: string[]): { parsed: LoadArgs; freshness: FreshnessArgs } {
  try {
    const { freshness, rest } = splitFreshnessArgs(args);
    return { parsed: parseLoadArgs(rest, { allowedHosts: allowedHosts() }), freshness };
  } catch (error) {
    if (error instanceof LoadArgsError) throw new UsageError(error.message);
    throw error;
  }
}

// A terminal gets one line rewritten in place; a pipe or file gets one line per update.
function printProgress(line: string): void {
  if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(process.stdout.columns ? process.stdout.columns - 1 : 100)}`);
  else console.log(line);
}

// The switches are read before and after the run and watched during it, so the report says
// what the figures were measured under, and whether that changed.
async function runWithContext(parsed: LoadArgs, signal: AbortSignal): Promise<LoadReport> {
  const context = await readStartContext(parsed);
  const watch = context.settings ? new SwitchWatch(context.settings, readSwitches) : null;
  const options = createLoadOptions(parsed, { signal, context, onProgress: (snapshot) => printProgress(formatProgressLine(snapshot)) });
  // The watch stops whether the run ends or throws: no timer outlives the command.
  const [outcome] = await Promise.allSettled([runLoad(options)]);
  const seen = await watch?.stop();
  if (outcome.status === 'rejected') throw outcome.reason;
  return { ...outcome.value, context: recordSettingsAtEnd(context, seen?.atEnd ?? null, seen?.seenChanged) };
}

function printDrainWait(depth: number, graceMs: number): void {
  console.log(`freshness waiting up to ${graceMs / 1000} s for ${MESSAGING.ORDER_PLACED_QUEUE} to drain (${depth} queued or active)`);
}

// Freshness that could not be measured leaves the verdict to the latency SLO, as before it existed.
function freshnessMissed(report: LoadReport): boolean {
  return report.freshness?.measured === true && report.freshness.verdict === 'missed';
}

/** `lab load --rate R --duration D ...`: an open-model checkout load with a live line and an SLO verdict. */
export const loadCommand: Command = {
  name: 'load',
  summary: 'checkouts at a constant arrival rate: load --rate 50 --duration 30s [--slo p99<300ms] [--freshness p99<5s] [--json out.json]',
  async run(args) {
    if (args.includes('--help')) {
      console.log(USAGE);
      return 0;
    }
    const { parsed, freshness } = parseArgsOrUsage(args);
    // Ctrl-C ends the schedule early; the report still covers what was sent.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    try {
      const probe = await startFreshnessProbe(freshness);
      const run = await runWithContext(parsed, stop.signal);
      if (process.stdout.isTTY) process.stdout.write('\n');
      // A Ctrl-C that stopped the schedule was for the load; only one during the drain wait cuts the wait short.
      const report: LoadReport = { ...run, freshness: await probe.finish(printDrainWait, stop.signal.aborted ? undefined : stop.signal) };
      console.log(formatReport(report));
      if (parsed.writeJson) {
        const file = parsed.jsonPath ?? defaultReportPath(new Date(report.startedAt), parsed.rate);
        await writeReportFile(file, report);
        console.log(`report    ${file}`);
      }
      return report.slo.verdict === 'pass' && !freshnessMissed(report) ? 0 : SLO_MISSED_EXIT;
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
  },
};
