import { DEFAULT_FLAGS, FLAG_NAMES } from '@tracecart/flags';
import { callConsole } from '../console-client';
import { putFlag, type FlagsState } from './flags-state';

/** How long `flags reset` waits for a switch still being applied (dropping the index) to settle. */
export const RESET_SETTLE_MS = 60_000;
const POLL_MS = 250;

// A reset is a named starting point: a load run right after it must not still see the index.
async function settled(timeoutMs: number): Promise<FlagsState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await callConsole<FlagsState>('/api/flags');
    if (Object.keys(state.pending).length === 0 || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Puts every switch back to its default (all fixes off, no chaos) and waits until it has taken effect. */
export async function resetFlags(timeoutMs = RESET_SETTLE_MS): Promise<FlagsState> {
  for (const name of FLAG_NAMES) await putFlag(name, DEFAULT_FLAGS[name]);
  return settled(timeoutMs);
}
