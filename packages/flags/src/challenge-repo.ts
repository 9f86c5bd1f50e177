import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '@tracecart/db';
import { FLAG_NAMES, DEFAULT_FLAGS, PROBLEM_NAMES, type FlagName, type FlagValues, type ProblemName } from './definitions';
import { writeFlag } from './flag-repo';
import { PROBLEM_FIX_NAMES } from './problem-fixes';

/** How a challenge ended: the right fix was given, or the person asked for the answer. */
export type ChallengeOutcome = 'solved' | 'gave_up';

/** One answer and what its check measured. */
export interface ChallengeAnswer {
  fix: string;
  right: boolean;
  /** Whether the SLO, missed under the check's load with the fix off, held with it on. */
  recovered: boolean;
  at: string;
}

/** A challenge as stored: `problem` is the secret until it has ended. */
export interface Challenge {
  id: number;
  problem: ProblemName;
  seed: number;
  startedAt: Date;
  endedAt: Date | null;
  outcome: ChallengeOutcome | null;
  answers: ChallengeAnswer[];
}

/** A challenge cannot start (one is running) or be answered (none is). */
export class ChallengeError extends Error {
  constructor(
    readonly kind: 'challenge_running' | 'no_challenge',
    message: string,
  ) {
    super(message);
    this.name = 'ChallengeError';
  }
}

type Queryable = Pool | PoolClient;

interface ChallengeRow {
  id: string;
  problem: ProblemName;
  seed: string;
  started_at: Date;
  ended_at: Date | null;
  outcome: ChallengeOutcome | null;
  answers: ChallengeAnswer[];
}

const COLUMNS = 'id, problem, seed, started_at, ended_at, outcome, answers';
// The partial unique index that allows one active challenge.
const UNIQUE_VIOLATION = '23505';

function toChallenge(row: ChallengeRow | undefined): Challenge | undefined {
  if (!row) return undefined;
  const { id, problem, seed, started_at, ended_at, outcome, answers } = row;
  return { id: Number(id), problem, seed: Number(seed), startedAt: started_at, endedAt: ended_at, outcome, answers };
}

/** The running challenge, if any. */
export async function readActiveChallenge(db: Queryable): Promise<Challenge | undefined> {
  const { rows } = await db.query<ChallengeRow>(`SELECT ${COLUMNS} FROM lab_challenge WHERE ended_at IS NULL`);
  return toChallenge(rows[0]);
}

/** The newest challenge, running or ended. */
export async function readLatestChallenge(db: Queryable): Promise<Challenge | undefined> {
  const { rows } = await db.query<ChallengeRow>(`SELECT ${COLUMNS} FROM lab_challenge ORDER BY id DESC LIMIT 1`);
  return toChallenge(rows[0]);
}

/** Whether a challenge runs now, i.e. the problem switches must not be shown. */
export async function isChallengeRunning(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ running: boolean }>('SELECT EXISTS (SELECT 1 FROM lab_challenge WHERE ended_at IS NULL) AS running');
  return rows[0].running;
}

// The lab a challenge starts from: the textbook fixes on (so a table scan does not drown the
// hidden problem), no chaos, every problem and every problem's fix off; then the one problem on.
const TEXTBOOK_FIXES: readonly FlagName[] = ['fix.index', 'fix.cache', 'fix.batch'];

/** The switches a challenge on `problem` starts with. */
export function challengeFlags(problem: ProblemName): Partial<FlagValues> {
  const values: Record<string, unknown> = {};
  for (const name of FLAG_NAMES) if (name.startsWith('chaos.')) values[name] = DEFAULT_FLAGS[name];
  for (const name of PROBLEM_NAMES) values[name] = name === problem;
  for (const name of PROBLEM_FIX_NAMES) values[name] = false;
  for (const name of TEXTBOOK_FIXES) values[name] = true;
  return values as Partial<FlagValues>;
}

/**
 * Starts a challenge on `problem`: sets its switches and records it in one transaction, so every
 * service hears of both at COMMIT and never stamps the problem on a span. Throws ChallengeError
 * when one is already running.
 */
export async function startChallenge(pool: Pool, problem: ProblemName, seed: number): Promise<Challenge> {
  try {
    return await withTransaction(pool, async (tx) => {
      if (await isChallengeRunning(tx)) throw new ChallengeError('challenge_running', 'a challenge is already running: answer it or give up first');
      for (const [name, value] of Object.entries(challengeFlags(problem))) await writeFlag(tx, name, value);
      const { rows } = await tx.query<ChallengeRow>(`INSERT INTO lab_challenge (problem, seed) VALUES ($1, $2) RETURNING ${COLUMNS}`, [problem, seed]);
      return toChallenge(rows[0])!;
    });
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new ChallengeError('challenge_running', 'a challenge is already running');
    throw error;
  }
}

/** Appends an answer to the running challenge. */
export async function recordAnswer(db: Queryable, id: number, answer: ChallengeAnswer): Promise<void> {
  await db.query(`UPDATE lab_challenge SET answers = answers || $2::jsonb WHERE id = $1`, [id, JSON.stringify([answer])]);
}

/** Ends the running challenge (revealing its problem); throws ChallengeError when none runs. */
export async function endChallenge(db: Queryable, outcome: ChallengeOutcome): Promise<Challenge> {
  const { rows } = await db.query<ChallengeRow>(
    `UPDATE lab_challenge SET ended_at = now(), outcome = $1 WHERE ended_at IS NULL RETURNING ${COLUMNS}`,
    [outcome],
  );
  const ended = toChallenge(rows[0]);
  if (!ended) throw new ChallengeError('no_challenge', 'no challenge is running: start one with `challenge start`');
  return ended;
}
