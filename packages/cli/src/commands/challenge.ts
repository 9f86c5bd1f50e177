import { parseDuration } from '@tracecart/units';
import { UsageError, type Command } from '../command';
import { callConsole } from '../console-client';
import { parseCommandLine } from './command-line';
import { answerChallenge, readChallenge } from './challenge/challenge-client';
import { formatCheck, formatView } from './challenge/challenge-text';
import type { ChallengeView } from '@tracecart/flags';

const CHALLENGE_USAGE =
  'usage: lab challenge start [--seed N] | status | answer FIX [--rate N] [--duration 10s] [--mix popular] [--slo SPEC] | give-up';

// The check's load unless told otherwise, the console's default: long enough for a p99, short enough to wait for.
const DEFAULT_RATE = 40;
const DEFAULT_DURATION = '10s';

async function start(seedText: string | undefined): Promise<number> {
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 1)) throw new UsageError(`--seed: a whole number from 1, not "${seedText}"`);
  const view = await callConsole<ChallengeView>('/api/challenge', { method: 'POST', body: seed === undefined ? {} : { seed } });
  console.log(formatView(view));
  console.log('diagnose from the evidence: the console, or npm run lab -- diagnose --last 20 --service gateway');
  return 0;
}

async function answer(fix: string | undefined, values: Record<string, string | undefined>): Promise<number> {
  if (!fix) throw new UsageError(`answer: name a fix switch\n${CHALLENGE_USAGE}`);
  const load: Record<string, unknown> = { rate: values.rate === undefined ? DEFAULT_RATE : Number(values.rate), duration: values.duration ?? DEFAULT_DURATION };
  if (values.mix !== undefined) load.mix = values.mix;
  if (values.slo !== undefined) load.slo = values.slo;
  let durationMs: number;
  try {
    durationMs = parseDuration(String(load.duration));
  } catch (error) {
    throw new UsageError(`--duration: ${(error as Error).message}`);
  }
  console.log(`checking ${fix}: the same load with it off, then on (${load.rate}/s for ${load.duration} each) …`);
  const view = await answerChallenge(fix, load, durationMs);
  if (view.checkError) throw new Error(`the check failed: ${view.checkError}`);
  if (!view.lastCheck) throw new Error('the console reported no result for the check');
  console.log(formatCheck(view.lastCheck));
  return view.lastCheck.right ? 0 : 1;
}

/** `lab challenge`: one problem switched on hidden, to diagnose from the evidence and answer with a fix. */
export const challengeCommand: Command = {
  name: 'challenge',
  summary: 'a hidden problem to find: challenge start [--seed N] | status | answer fix.pool | give-up',
  async run(argv) {
    const { positionals, values } = parseCommandLine(
      {
        args: argv,
        allowPositionals: true,
        options: { seed: { type: 'string' }, rate: { type: 'string' }, duration: { type: 'string' }, mix: { type: 'string' }, slo: { type: 'string' } },
      },
      CHALLENGE_USAGE,
    );
    const [verb, fix, ...rest] = positionals;
    if (rest.length > 0 || (verb !== 'answer' && fix !== undefined)) throw new UsageError(CHALLENGE_USAGE);
    switch (verb) {
      case 'start':
        return start(values.seed);
      case 'answer':
        return answer(fix, values);
      case 'status':
        console.log(formatView(await readChallenge()));
        return 0;
      case 'give-up':
        console.log(formatView(await callConsole<ChallengeView>('/api/challenge/give-up', { method: 'POST', body: {} })));
        return 0;
      default:
        throw new UsageError(CHALLENGE_USAGE);
    }
  },
};
