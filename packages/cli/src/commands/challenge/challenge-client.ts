import { callConsole } from '../../console-client';
import type { ChallengeView } from '@tracecart/flags';

const POLL_MS = 500;
// Beyond the check's two runs: their grace for in-flight requests and the switch writes.
const CHECK_SLACK_MS = 60_000;

/** The console's challenge state. */
export function readChallenge(): Promise<ChallengeView> {
  return callConsole<ChallengeView>('/api/challenge');
}

/**
 * Whether a challenge runs, for commands that must then name no fix switch. A console that does
 * not answer means no lab to hold a challenge: false.
 */
export async function challengeRunning(): Promise<boolean> {
  try {
    return (await readChallenge()).state === 'running';
  } catch {
    return false;
  }
}

/** Sends an answer and waits for its check (two bounded loads) to finish; resolves with the state after it. */
export async function answerChallenge(fix: string, load: Record<string, unknown>, durationMs: number): Promise<ChallengeView> {
  await callConsole<ChallengeView>('/api/challenge/answer', { method: 'POST', body: { fix, load } });
  const deadline = Date.now() + 2 * durationMs + CHECK_SLACK_MS;
  for (;;) {
    const view = await readChallenge();
    if (view.checking === null) return view;
    if (Date.now() > deadline) throw new Error(`the check of ${fix} is still running; see: npm run lab -- challenge status`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
