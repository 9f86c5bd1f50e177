import type { Command } from '../command';
import { parseDiagnoseArgs } from '../diagnose/diagnose-args';
import { createTraceFetcher } from '../diagnose/fetch-traces';
import { diagnoseLast, diagnoseOne } from '../diagnose/run-diagnose';
import { challengeRunning } from './challenge/challenge-client';

/** `lab diagnose <traceId>` or `lab diagnose --last N --service S`: the verdict, the critical path, N+1s. */
export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'name the culprit of a trace, each group against its recent durations: diagnose <traceId> | diagnose --last 20 --service gateway [--lookback 1h] [--jaeger URL] [--json]',
  async run(argv) {
    const args = parseDiagnoseArgs(argv);
    const fetcher = createTraceFetcher(args.jaegerUrl);
    // During a challenge the person maps the evidence to a fix: no verdict names one.
    const hideFixes = await challengeRunning();
    const output = args.mode === 'one' ? await diagnoseOne(args, fetcher, hideFixes) : await diagnoseLast(args, fetcher, hideFixes);
    if (output.stdout) console.log(output.stdout);
    if (output.stderr) console.error(`lab: ${output.stderr}`);
    return output.exitCode;
  },
};
