import { callConsole } from '../console-client';
import { formatSwitchValue } from '../load/switch-text';

/** The console's answer for the switches: each value, and the ones still being applied (the index build). */
export interface FlagsState {
  flags: Record<string, unknown>;
  pending: Record<string, unknown>;
  /** The switches withheld while a challenge runs (every problem switch). */
  hidden?: string[];
}

/** Prints one line per switch, with `(pending: …)` while one is still being applied. */
export function printState(state: FlagsState): void {
  for (const [name, value] of Object.entries(state.flags)) {
    const pending = name in state.pending ? `  (pending: ${formatSwitchValue(state.pending[name])})` : '';
    console.log(`${name.padEnd(16)} ${formatSwitchValue(value)}${pending}`);
  }
  if (state.hidden?.length) console.log(`${state.hidden.join(', ')}: hidden while a challenge runs (npm run lab -- challenge status)`);
}

/** Sets one switch through the console's flags API; resolves with the state after it. */
export function putFlag(name: string, value: unknown): Promise<FlagsState> {
  return callConsole<FlagsState>(`/api/flags/${encodeURIComponent(name)}`, { method: 'PUT', body: { value } });
}
