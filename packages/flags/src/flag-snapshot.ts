import type { Pool } from 'pg';
import type { FlagName, FlagValues } from './definitions';
import { readWantedFlags } from './flag-repo';
import { readIndexState, type IndexState } from './index-switch';
import { isChallengeRunning } from './challenge-repo';
import { markProblemsHidden } from './problem-visibility';

/** What every switch does right now, and what was asked for but has not taken effect yet. */
export interface FlagSnapshot {
  flags: FlagValues;
  pending: Partial<Record<FlagName, unknown>>;
  index: IndexState;
}

/**
 * The effective state: fix.index is on only when the index exists and is valid, whatever was
 * asked; a wanted value that differs from the effective one is listed under pending.
 */
export async function readFlagSnapshot(pool: Pool): Promise<FlagSnapshot> {
  const [wanted, index, challenge] = await Promise.all([readWantedFlags(pool), readIndexState(pool), isChallengeRunning(pool)]);
  const flags: FlagValues = { ...wanted, 'fix.index': index === 'ready' };
  // During a challenge the values still drive the services; only what they show is withheld.
  if (challenge) markProblemsHidden(flags);
  const pending: FlagSnapshot['pending'] = {};
  if (wanted['fix.index'] !== flags['fix.index']) pending['fix.index'] = wanted['fix.index'];
  return { flags, pending, index };
}
