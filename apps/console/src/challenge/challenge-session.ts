import { randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import { HttpError } from '@tracecart/http-kit';
import {
  ChallengeError,
  PROBLEM_FIXES,
  PROBLEM_FIX_NAMES,
  REQUEST_PATH_PROBLEMS,
  endChallenge,
  isProblemFixName,
  readActiveChallenge,
  readLatestChallenge,
  recordAnswer,
  startChallenge,
  writeFlag,
  type Challenge,
  type IndexReconciler,
  type ProblemFixName,
  type ProblemName,
} from '@tracecart/flags';
import { createSeededRandom, type LoadReport } from '@tracecart/loadgen';
import type { LoadRequest } from '../load/load-request';
import { summarizeRun } from './check-load';
import type { ChallengeView, CheckReport } from '@tracecart/flags';

/** What a challenge needs: the database, the index builder, and how to run one check load. */
export interface ChallengeSessionOptions {
  pool: Pool;
  reconciler: IndexReconciler;
  runLoad: (request: LoadRequest) => Promise<LoadReport>;
  /** Why a check cannot run now (e.g. the load panel's run would skew it), or undefined. */
  busyReason?: () => string | undefined;
  onError?: (error: Error) => void;
}

// Seeds a person can type back in to replay a challenge.
const MAX_SEED = 2 ** 31 - 1;

/** The problem a seed picks: the seeded random source the load generator uses, so a seed replays. */
export function pickProblem(seed: number): ProblemName {
  const random = createSeededRandom(seed);
  return REQUEST_PATH_PROBLEMS[Math.floor(random() * REQUEST_PATH_PROBLEMS.length)];
}

function toHttpError(error: unknown): unknown {
  if (!(error instanceof ChallengeError)) return error;
  return new HttpError(error.kind === 'challenge_running' ? 409 : 404, error.kind, error.message);
}

/**
 * The lab's challenge as the console runs it. The challenge itself lives in Postgres (every
 * service reads it to hide the problem); only the check in progress and its last report are
 * this process's.
 */
export class ChallengeSession {
  private checking: ProblemFixName | null = null;
  private lastCheck: CheckReport | null = null;
  private checkError: string | null = null;
  private settled: Promise<void> = Promise.resolve();

  constructor(private readonly options: ChallengeSessionOptions) {}

  /** The newest challenge, its problem withheld while it runs. */
  async view(): Promise<ChallengeView> {
    const challenge = await readLatestChallenge(this.options.pool);
    const base = { answers: [], choices: [...PROBLEM_FIX_NAMES], checking: this.checking, lastCheck: this.lastCheck, checkError: this.checkError };
    if (!challenge) return { state: 'none', ...base };
    const ended = challenge.endedAt !== null;
    const common = {
      ...base,
      id: challenge.id,
      seed: challenge.seed,
      startedAt: challenge.startedAt.toISOString(),
      elapsedMs: (challenge.endedAt ?? new Date()).getTime() - challenge.startedAt.getTime(),
      answers: challenge.answers,
    };
    if (!ended) return { state: 'running', ...common };
    return { state: 'ended', ...common, outcome: challenge.outcome ?? undefined, problem: challenge.problem, fix: PROBLEM_FIXES[challenge.problem] };
  }

  /** Starts a challenge on the problem `seed` picks (a random seed when none is given). */
  async start(seed: number = randomInt(1, MAX_SEED)): Promise<ChallengeView> {
    if (this.checking) throw new HttpError(409, 'challenge_running', `the answer ${this.checking} is still being checked`);
    await startChallenge(this.options.pool, pickProblem(seed), seed).catch((error: unknown) => {
      throw toHttpError(error);
    });
    this.lastCheck = null;
    this.checkError = null;
    // The challenge starts with fix.index on; the index builds in the background.
    void this.options.reconciler.reconcile();
    return this.view();
  }

  /** Reveals the problem and ends the challenge; its switches stay as they are. */
  async giveUp(): Promise<ChallengeView> {
    if (this.checking) throw new HttpError(409, 'check_running', `the answer ${this.checking} is still being checked`);
    await endChallenge(this.options.pool, 'gave_up').catch((error: unknown) => {
      throw toHttpError(error);
    });
    return this.view();
  }

  /** Starts checking an answer in the background; GET /api/challenge tells when it is done. */
  async answer(fix: string, load: LoadRequest): Promise<ChallengeView> {
    if (!isProblemFixName(fix)) throw new HttpError(400, 'invalid_request', `fix: one of ${PROBLEM_FIX_NAMES.join(', ')}`);
    if (this.checking) throw new HttpError(409, 'check_running', `the answer ${this.checking} is still being checked`);
    const busy = this.options.busyReason?.();
    if (busy) throw new HttpError(409, 'load_running', busy);
    const challenge = await readActiveChallenge(this.options.pool);
    if (!challenge) throw toHttpError(new ChallengeError('no_challenge', 'no challenge is running: start one with `challenge start`'));
    this.checking = fix;
    this.checkError = null;
    this.settled = this.check(challenge, fix, load)
      .then((report) => {
        this.lastCheck = report;
      })
      .catch((error: Error) => {
        this.checkError = error.message;
        this.options.onError?.(error);
      })
      .finally(() => {
        this.checking = null;
      });
    return this.view();
  }

  /** Resolves once a running check has finished (for shutdown and tests). */
  idle(): Promise<void> {
    return this.settled;
  }

  /**
   * The check: the same bounded load with the fix off, then on. A right answer ends the challenge
   * and keeps the fix on; a wrong one turns the fix off again. Either way the report says whether
   * the SLO held with the fix on.
   */
  private async check(challenge: Challenge, fix: ProblemFixName, load: LoadRequest): Promise<CheckReport> {
    const { pool } = this.options;
    await writeFlag(pool, fix, false);
    const baseline = summarizeRun(await this.options.runLoad(load));
    await writeFlag(pool, fix, true);
    let withFix;
    try {
      withFix = summarizeRun(await this.options.runLoad(load));
    } catch (error) {
      await writeFlag(pool, fix, false);
      throw error;
    }
    const right = PROBLEM_FIXES[challenge.problem] === fix;
    // Recovered: the SLO the load broke with the fix off holds with it on. A load that broke
    // nothing cannot tell, and says so (the report has both runs).
    const recovered = baseline.verdict === 'fail' && withFix.verdict === 'pass';
    const elapsedMs = Date.now() - challenge.startedAt.getTime();
    await recordAnswer(pool, challenge.id, { fix, right, recovered, at: new Date().toISOString() });
    if (!right) {
      await writeFlag(pool, fix, false);
      return { fix, right, recovered, baseline, withFix, elapsedMs };
    }
    await endChallenge(pool, 'solved');
    return { fix, right, recovered, baseline, withFix, elapsedMs, problem: challenge.problem };
  }
}
