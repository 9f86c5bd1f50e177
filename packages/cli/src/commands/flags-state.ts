import { callConsole } from '../console-client';
import { formatSwitchValue } from '../load/switch-text';

/** The console's answer for the switches: each value, and the ones still being applied (the index build). */
export interface FlagsState {
  flags: Record<string, unknown>;
  pending: Record<string, unknown>;
}

/** Prints one line per switch, with `(pending: …)` while one is still being applied. */
export function printState(state: FlagsState): void {
  for (const [name, value] of Object.entries(state.flags)) {
    const pending = name in state.pending ? `  (pending: ${formatSwitchValue(state.pending[name])})` : '';
    console.log(`${name.padEnd(15)} ${formatSwitchValue(value)}${pending}`);
  }
}

/** Sets one switch through the console's flags API; resolves with the state after it. */
export function putFlag(name: string, value: unknown): Promise<FlagsState> {
  return callConsole<FlagsState>(`/api/flags/${encodeURIComponent(name)}`, { method: 'PUT', body: { value } });
}
