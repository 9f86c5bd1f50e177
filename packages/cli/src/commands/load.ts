import {
  LoadArgsError,
  LOAD_USAGE,
  createLoadOptions,
  formatProgressLine,
  formatReport,
  parseLoadArgs,
  recordSettingsAtEnd,
  runLoad,
  type LoadArgs,
  type LoadReport,
} from '@tracecart/loadgen';
import { UsageError, type Command } from '../command';
import { readStartContext, readSwitches } from '../load/lab-context';
import { RUNS_DIR, defaultReportPath, writeReportFile } from '../load/report-file';
import { SwitchWatch } from '../load/switch-watch';

const USAGE = [
  LOAD_USAGE,
  `--json alone writes the report to ${RUNS_DIR}/<start time>-<rate>rps.json; --json FILE writes exactly FILE.`,
  'The report records the switches (read from the console, CONSOLE_URL), the workload and the lab version.',
].join('\n');

/** Exit code of a run that finished but missed its SLO, so scripts can tell it from a crash. */
export const SLO_MISSED_EXIT = 3;

// Compose names the gateway service as the target; that one host is allowed by name
// (LOADGEN_ALLOW_TARGET=gateway). Without it, only loopback targets are accepted.
function allowedHosts(): string[] {
  const host = process.env.LOADGEN_ALLOW_TARGET?.trim();
  return host ? [host] : [];
}

function parseArgsOrUsage(args: string[]): LoadArgs {
  try {
    return parseLoadArgs(args, { allowedHosts: allowedHosts() });
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

/** `lab load --rate R --duration D ...`: an open-model checkout load with a live line and an SLO verdict. */
export const loadCommand: Command = {
  name: 'load',
  summary: 'checkouts at a constant arrival rate: load --rate 50 --duration 30s [--slo p99<300ms] [--json out.json]',
  async run(args) {
    if (args.includes('--help')) {
      console.log(USAGE);
      return 0;
    }
    const parsed = parseArgsOrUsage(args);
    // Ctrl-C ends the schedule early; the report still covers what was sent.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    try {
      const report = await runWithContext(parsed, stop.signal);
      if (process.stdout.isTTY) process.stdout.write('\n');
      console.log(formatReport(report));
      if (parsed.writeJson) {
        const file = parsed.jsonPath ?? defaultReportPath(new Date(report.startedAt), parsed.rate);
        await writeReportFile(file, report);
        console.log(`report    ${file}`);
      }
      return report.slo.verdict === 'pass' ? 0 : SLO_MISSED_EXIT;
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
  },
};
