export { flagSchemas, FLAG_NAMES, PROBLEM_NAMES, REQUEST_PATH_PROBLEMS, DEFAULT_FLAGS, isFlagName, fixAttributes, problemAttributes } from './definitions';
export type { FlagName, FlagValues } from './definitions';
export { readWantedFlags, validateFlag, writeFlag, announceFlagChange, FlagError } from './flag-repo';
export { readFlagSnapshot } from './flag-snapshot';
export type { FlagSnapshot } from './flag-snapshot';
export { SKU_INDEX, readIndexState, createSkuIndex, dropSkuIndex } from './index-switch';
export type { IndexState } from './index-switch';
export { FlagWatcher } from './flag-watcher';
export { startServiceFlags } from './start-watcher';
export type { ServiceFlags } from './start-watcher';
export type { FlagWatcherOptions } from './flag-watcher';
export { IndexReconciler } from './index-reconciler';
export { flagSpanAttributes } from './span-middleware';
export type { FixName, ProblemName } from './definitions';
export { PROBLEM_FIXES, PROBLEM_FIX_NAMES, isProblemFixName } from './problem-fixes';
export type { ProblemFixName } from './problem-fixes';
export { markProblemsHidden, problemsHidden, publicFlagSnapshot } from './problem-visibility';
export type { PublicFlagSnapshot } from './problem-visibility';
export {
  ChallengeError,
  challengeFlags,
  endChallenge,
  isChallengeRunning,
  readActiveChallenge,
  readLatestChallenge,
  recordAnswer,
  startChallenge,
} from './challenge-repo';
export type { Challenge, ChallengeAnswer, ChallengeOutcome } from './challenge-repo';
/** The console's challenge API answers, for the console and the CLI alike. */
export type { ChallengeView, CheckReport, CheckRun } from './challenge-api';
