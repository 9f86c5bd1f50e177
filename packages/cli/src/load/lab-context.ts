import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadArgs, RunContext } from '@tracecart/loadgen';
import { callConsole, consoleUrl } from '../console-client';
import { formatSwitchValue } from './switch-text';

interface FlagsState {
  flags: Record<string, unknown>;
  pending: Record<string, unknown>;
}

/** The switches as text, a pending one as `off (pending: on)`: an index still building is not on yet. */
export function switchesAsText(state: FlagsState): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(state.flags)) {
    text[name] = formatSwitchValue(value) + (name in state.pending ? ` (pending: ${formatSwitchValue(state.pending[name])})` : '');
  }
  return text;
}

/** Reads the switches from the console, which serves them the same way under the demo and compose. */
export async function readSwitches(): Promise<Record<string, string>> {
  return switchesAsText(await callConsole<FlagsState>('/api/flags'));
}

// The CLI ships with the lab, so its version is the lab's (the root package.json carries none).
function labVersion(): string | null {
  const file = path.join(__dirname, '..', '..', 'package.json');
  const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
  return typeof version === 'string' ? `tracecart ${version}` : null;
}

async function readLabCatalogSize(): Promise<number | null> {
  return (await callConsole<{ catalogSize?: number }>('/api/lab')).catalogSize ?? null;
}

/** The context a load starts under: the console's switches and catalog size, the load's own workload. */
export async function readStartContext(args: LoadArgs): Promise<RunContext> {
  const workload: RunContext['workload'] = { rate: args.rate, mix: args.mix, items: args.items, 'catalog size': args.catalogSize };
  const base = { source: consoleUrl(), settingsAtEnd: null, changedDuringRun: [], workload, version: labVersion() };
  try {
    const [settings, labCatalogSize] = await Promise.all([readSwitches(), readLabCatalogSize()]);
    if (labCatalogSize !== null) workload['lab catalog size'] = labCatalogSize;
    return { ...base, settings };
  } catch (error) {
    // The load still runs without the console (a bare stack, compose's loadgen container); the report says why.
    return { ...base, settings: null, note: `switches unknown: ${(error as Error).message}` };
  }
}
