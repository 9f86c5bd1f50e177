import { evidenceScopeOf } from './evidence-scope';
import { findInjectedFault } from './find-injected-fault';
import { findConsumerLag } from './find-consumer-lag';
import { findLockWait } from './find-lock-wait';
import { findSequentialScan } from './find-sequential-scan';
import { findPoolWait } from './find-pool-wait';
import { findEventLoopBlock } from './find-event-loop-block';
import { findRetryStorm } from './find-retry-storm';
import { findNPlusOneEvidence } from './find-n-plus-one-evidence';
import { findCacheEvidence } from './find-cache-evidence';
import type { CulpritChoice } from './choose-culprit';
import type { Finding, TraceTree } from './types';

// In the order a verdict prefers them: an injected fault explains everything under it; a
// statement that mostly waited on a lock is slow because of the lock, whatever its plan; a
// plan that scans the table is slow on its own; pool waits, a stalled event loop, loops and
// cache misses multiply or add to the time of work that is itself fine. A stalled loop comes
// before loops of calls: calls that wait for the loop look slow for a reason none of them has.
const DETECTORS = [
  findInjectedFault,
  // A consumer's message that waited far longer than it took: none of the processing's own
  // causes below explains the wait, only how fast the consumers drain the queue does.
  findConsumerLag,
  findLockWait,
  findSequentialScan,
  findPoolWait,
  findEventLoopBlock,
  // Resent requests before loops of calls: a call sent five times is one call slowed by its retries.
  findRetryStorm,
  findNPlusOneEvidence,
  findCacheEvidence,
];

/** Every finding the evidence on a candidate culprit's spans shows, most telling first. */
export function findingsOf(tree: TraceTree, choice: CulpritChoice): Finding[] {
  const scope = evidenceScopeOf(tree, choice);
  return DETECTORS.flatMap((detect) => detect(scope) ?? []);
}
