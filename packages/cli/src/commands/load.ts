import { writeFile } from 'node:fs/promises';
import {
  LoadArgsError,
  LOAD_USAGE,
  createLoadOptions,
  formatProgressLine,
  formatReport,
  parseLoadArgs,
  runLoad,
  type LoadArgs,
} from '@tracecart/loadgen';
import { UsageError, type Command } from '../command';

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

/** `lab load --rate R --duration D ...`: an open-model checkout load with a live line and an SLO verdict. */
export const loadCommand: Command = {
  name: 'load',
  summary: 'checkouts at a constant arrival rate: load --rate 50 --duration 30s [--slo p99<300ms] [--json out.json]',
  async run(args) {
    if (args.includes('--help')) {
      console.log(LOAD_USAGE);
      return 0;
    }
    const parsed = parseArgsOrUsage(args);
    // Ctrl-C ends the schedule early; the report still covers what was sent.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    try {
      const report = await runLoad(
        createLoadOptions(parsed, { signal: stop.signal, onProgress: (snapshot) => printProgress(formatProgressLine(snapshot)) }),
      );
      if (process.stdout.isTTY) process.stdout.write('\n');
      console.log(formatReport(report));
      if (parsed.jsonPath) await writeFile(parsed.jsonPath, `${JSON.stringify(report, null, 2)}\n`);
      return report.slo.verdict === 'pass' ? 0 : SLO_MISSED_EXIT;
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
  },
};
