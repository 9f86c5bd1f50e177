import { EVIDENCE } from '@tracecart/contracts';
import { numberOf } from './attribute-values';
import type { EvidenceScope } from './evidence-scope';
import { formatMs } from '@tracecart/units';
import type { Finding } from './types';
import { evidencePresenceOf } from './evidence-presence';

const { ATTR_CONNECTION_WAIT_TIME } = EVIDENCE;

// Instrumentations name the span of a pool checkout after the pool: `pg-pool.connect`,
// `mysql2 pool.getConnection`, `hikari connection acquire`.
const POOL_CHECKOUT = /pool[._ -]?(connect|get_?connection|getconnection|acquire|checkout)|connection[._ -]?(acquire|wait)/i;

const POOL_ADVICE = 'the pool is exhausted: find what holds its connections (slow statements, long transactions), or give that work a pool of its own';

// Statements that waited for a connection at least half as long as they ran (or half the culprit's time).
const WAIT_TO_RUN = 0.5;

/** Time spent waiting for a pooled connection: checkout spans as the culprit, or wait time recorded on its statements. */
export function findPoolWait(scope: EvidenceScope): Finding | undefined {
  const { tree, choice } = scope;
  const operation = choice.culprit.operation;
  if (POOL_CHECKOUT.test(operation)) {
    const waitMs = scope.spans.reduce((sum, i) => sum + (tree.spans[i].endNs - tree.spans[i].startNs) / 1e6, 0);
    return {
      kind: 'pool_wait',
      title: 'pool wait',
      evidence: `${operation}: ${scope.spans.length} ${scope.spans.length === 1 ? 'checkout' : 'checkouts'} waiting ${formatMs(waitMs)} for a connection`,
      advice: POOL_ADVICE,
      details: { operation, waitMs },
      spanIds: scope.spans.map((i) => tree.spans[i].spanId),
    };
  }
  if (!evidencePresenceOf(tree).connectionWaits) return undefined;
  // The wait is recorded on the statement but spent before it started: in the statement's own
  // time when it is the culprit, or in its parent's when the parent (a handler waiting with
  // nothing traced under it) is.
  let waitMs = 0;
  let runMs = 0;
  const spanIds: string[] = [];
  const consider = (i: number) => {
    const span = tree.spans[i];
    const wait = numberOf(span.attributes[ATTR_CONNECTION_WAIT_TIME]);
    if (wait === undefined) return;
    waitMs += wait;
    runMs += (span.endNs - span.startNs) / 1e6;
    if (wait > 0) spanIds.push(span.spanId);
  };
  for (const i of scope.spans) {
    consider(i);
    if (!choice.withSubtrees) tree.spans[i].children.forEach(consider);
  }
  const culpritMs = choice.criticalNs / 1e6;
  if (spanIds.length === 0 || (waitMs < WAIT_TO_RUN * runMs && waitMs < WAIT_TO_RUN * culpritMs)) return undefined;
  return {
    kind: 'pool_wait',
    title: 'pool wait',
    evidence: `waited ${formatMs(waitMs)} for a pooled connection before running ${formatMs(runMs)} (${ATTR_CONNECTION_WAIT_TIME})`,
    advice: POOL_ADVICE,
    details: { operation, waitMs, runMs },
    spanIds,
  };
}
