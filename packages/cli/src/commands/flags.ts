import { UsageError, type Command } from '../command';
import { callConsole } from '../console-client';
import { parseCommandLine } from './command-line';
import { parseFlagValue } from './flag-value';
import { resetFlags } from './flags-reset';
import { printState, putFlag, type FlagsState } from './flags-state';

const FLAGS_USAGE = 'usage: lab flags [set NAME VALUE | reset]';

async function runVerb(args: string[]): Promise<FlagsState> {
  const [verb, name, ...value] = args;
  if (verb === 'reset' && args.length === 1) return resetFlags();
  if (verb !== 'set' || !name) throw new UsageError(FLAGS_USAGE);
  return putFlag(name, parseFlagValue(value));
}

/** `lab flags` shows the switches; `lab flags set NAME VALUE` changes one; `lab flags reset` turns all back to their defaults. */
export const flagsCommand: Command = {
  name: 'flags',
  summary: 'show the switches, or: flags set fix.cache on | flags set chaos.latency ms=200 rate=0.1 | flags reset',
  async run(argv) {
    const args = parseCommandLine({ args: argv, allowPositionals: true }, FLAGS_USAGE).positionals;
    printState(args.length === 0 ? await callConsole<FlagsState>('/api/flags') : await runVerb(args));
    return 0;
  },
};
