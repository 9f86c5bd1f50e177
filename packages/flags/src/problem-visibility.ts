import { PROBLEM_NAMES, type FlagName, type FlagValues, type ProblemName } from './definitions';
import type { FlagSnapshot } from './flag-snapshot';

// Values read while a challenge runs. A mark on the object itself (not a field) keeps FlagValues
// exactly the switches, and lets the span middleware, which only gets the values, tell.
const readDuringChallenge = new WeakSet<FlagValues>();

/** Marks values read while a challenge hides the problem switches; returns them. */
export function markProblemsHidden(values: FlagValues): FlagValues {
  readDuringChallenge.add(values);
  return values;
}

/** True when these values were read while a challenge runs: no problem switch may be shown. */
export function problemsHidden(values: FlagValues): boolean {
  return readDuringChallenge.has(values);
}

/** The switches as the console shows them: during a challenge, every problem switch is withheld. */
export interface PublicFlagSnapshot {
  flags: Partial<FlagValues>;
  pending: FlagSnapshot['pending'];
  index: FlagSnapshot['index'];
  /** The switches withheld because a challenge runs: all problems, so the missing ones tell nothing. */
  hidden?: ProblemName[];
}

const isProblem = (name: string): boolean => (PROBLEM_NAMES as readonly string[]).includes(name);

function withoutProblems<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => !isProblem(name))) as Partial<T>;
}

/** The snapshot with every problem switch withheld while a challenge runs; unchanged otherwise. */
export function publicFlagSnapshot(snapshot: FlagSnapshot): PublicFlagSnapshot {
  if (!problemsHidden(snapshot.flags)) return snapshot;
  const pending = withoutProblems(snapshot.pending) as Partial<Record<FlagName, unknown>>;
  return { flags: withoutProblems(snapshot.flags), pending, index: snapshot.index, hidden: [...PROBLEM_NAMES] };
}
