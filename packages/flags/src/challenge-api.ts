// The console's challenge API answers (GET /api/challenge, an answer's check), shared by the
// console that serves them and the CLI that prints them.
import type { ChallengeAnswer, ChallengeOutcome } from './challenge-repo';

/** One bounded load of an answer's check, as the check reports it. */
export interface CheckRun {
  /** The SLO judged and whether the run met it. */
  slo: string;
  verdict: 'pass' | 'fail' | 'no_data';
  p95Ms: number;
  p99Ms: number;
  errorRate: number;
  achievedRate: number;
}

/** What checking one answer measured: the same load with the fix off, then on. */
export interface CheckReport {
  fix: string;
  right: boolean;
  /** The run with the fix off missed the SLO, the run with it on met it. */
  recovered: boolean;
  baseline: CheckRun;
  withFix: CheckRun;
  /** From the challenge's start to this answer. */
  elapsedMs: number;
  /** The problem, once the answer was right; undefined while it stays hidden. */
  problem?: string;
}

/**
 * GET /api/challenge: the newest challenge. `problem` and `fix` are only present once it has
 * ended; `checking` names the fix whose check is running.
 */
export interface ChallengeView {
  state: 'none' | 'running' | 'ended';
  id?: number;
  seed?: number;
  startedAt?: string;
  elapsedMs?: number;
  outcome?: ChallengeOutcome;
  problem?: string;
  fix?: string;
  answers: ChallengeAnswer[];
  /** The fixes an answer may name. */
  choices: string[];
  checking: string | null;
  /** The newest check this console ran, or why it failed. */
  lastCheck: CheckReport | null;
  checkError: string | null;
}
