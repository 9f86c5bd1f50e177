import { UsageError, type Command } from '../command';
import { callConsole } from '../console-client';
import { parseCommandLine } from './command-line';
import { parseFlagValue } from './flag-value';

const FLAGS_USAGE = 'usage: lab flags [set NAME VALUE]';

interface FlagsState {
  flags: Record<string, unknown>;
  pending: Record<string, unknown>;
}

function formatValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
  }
  return String(value);
}

function printState(state: FlagsState): void {
  for (const [name, value] of Object.entries(state.flags)) {
    const pending = name in state.pending ? `  (pending: ${formatValue(state.pending[name])})` : '';
    console.log(`${name.padEnd(15)} ${formatValue(value)}${pending}`);
  }
}

/** `lab flags` shows the switches; `lab flags set NAME VALUE` changes one. */
export const flagsCommand: Command = {
  name: 'flags',
  summary: 'show the switches, or: flags set fix.cache on | flags set chaos.latency ms=200 rate=0.1',
  async run(argv) {
    const args = parseCommandLine({ args: argv, allowPositionals: true }, FLAGS_USAGE).positionals;
    if (args.length === 0) {
      printState(await callConsole<FlagsState>('/api/flags'));
      return 0;
    }
    const [verb, name, ...value] = args;
    if (verb !== 'set' || !name) throw new UsageError(FLAGS_USAGE);
    const state = await callConsole<FlagsState>(`/api/flags/${encodeURIComponent(name)}`, {
      method: 'PUT',
      body: { value: parseFlagValue(value) },
    });
    printState(state);
    return 0;
  },
};
