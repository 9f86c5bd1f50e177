import { EVIDENCE } from '@tracecart/contracts';
import { formatMs } from '@tracecart/units';
import { numberOf } from './attribute-values';
import type { EvidenceScope } from './evidence-scope';
import { callKeyOf } from './span-keys';
import { metricsOf } from './trace-metrics';
import type { Finding, TraceTree } from './types';

const { ATTR_RESEND_COUNT } = EVIDENCE;

// Resends hold at least half the culprit's critical time: then the attempts the caller made
// again, not the first answer, are most of why it was slow.
const MOST = 0.5;

const perTree = new WeakMap<TraceTree, Int32Array | null>();

function resendCountOf(tree: TraceTree, i: number): number {
  return numberOf(tree.spans[i].attributes[ATTR_RESEND_COUNT]) ?? 0;
}

// For every span, the nearest span at or above it that is a resend (-1 for none): the time of
// anything under a resent request was spent because of the resend. Null when nothing in the
// trace was resent, so most traces cost one pass.
function resendAbove(tree: TraceTree): Int32Array | null {
  let above = perTree.get(tree);
  if (above === undefined) {
    above = null;
    if (tree.spans.some((_, i) => resendCountOf(tree, i) >= 1)) {
      const out = new Int32Array(tree.spans.length).fill(-1);
      // Preorder: a parent's answer is known before its children's.
      for (let i = 0; i < tree.spans.length; i++) {
        const p = tree.spans[i].parent;
        out[i] = resendCountOf(tree, i) >= 1 ? i : p >= 0 ? out[p] : -1;
      }
      above = out;
    }
    perTree.set(tree, above);
  }
  return above;
}

// What was called: the callee's route when its server span is in the trace (an HTTP client
// span), else the attempt's own name (`inventory GET /products/:sku`).
function targetOf(tree: TraceTree, i: number): string {
  return callKeyOf(tree, i)?.target ?? tree.spans[i].name;
}

interface Calls {
  target: string;
  /** Resent requests, with their ordinals. */
  resends: number[];
}

// The resends of the same requests (siblings of the ones in the culprit, to the same target):
// each call that was resent has exactly one resend with ordinal 1.
function callsOf(tree: TraceTree, inScope: Set<number>): Calls[] {
  const byTarget = new Map<string, Calls>();
  const parents = new Set([...inScope].map((r) => tree.spans[r].parent));
  const targets = new Set([...inScope].map((r) => targetOf(tree, r)));
  for (const p of parents) {
    const siblings = p >= 0 ? tree.spans[p].children : tree.roots;
    for (const s of siblings) {
      const count = resendCountOf(tree, s);
      if (count < 1) continue;
      const target = targetOf(tree, s);
      if (!targets.has(target)) continue;
      const calls = byTarget.get(target) ?? { target, resends: [] };
      calls.resends.push(count);
      byTarget.set(target, calls);
    }
  }
  return [...byTarget.values()].sort((a, b) => b.resends.length - a.resends.length);
}

/**
 * A retry storm: the culprit's time is mostly spent in requests that were resent
 * (`http.request.resend_count` ≥ 1 on them or above them): a caller that gave up on attempts
 * and sent them again, each one more load on a callee that was already slow.
 */
export function findRetryStorm(scope: EvidenceScope): Finding | undefined {
  const { tree, choice } = scope;
  const above = resendAbove(tree);
  if (!above) return undefined;
  const { criticalNs } = metricsOf(tree);
  let resentNs = 0;
  const resends = new Set<number>();
  for (const i of scope.spans) {
    if (above[i] < 0) continue;
    resentNs += criticalNs[i];
    resends.add(above[i]);
  }
  if (resentNs <= 0 || resentNs < MOST * choice.criticalNs) return undefined;
  const [top, ...others] = callsOf(tree, resends);
  const resent = top.resends.length;
  const calls = Math.max(1, top.resends.filter((c) => c === 1).length);
  const maxResendCount = Math.max(...top.resends);
  const more = others.reduce((sum, c) => sum + c.resends.length, 0);
  const elsewhere = more > 0 ? ` (and ${more} more resends to ${others.length} other target${others.length > 1 ? 's' : ''})` : '';
  const resentMs = resentNs / 1e6;
  return {
    kind: 'retry_storm',
    title: 'retry storm',
    evidence:
      `${calls + resent} attempts for ${calls} call${calls > 1 ? 's' : ''} (${resent} resends, ${ATTR_RESEND_COUNT} up to ${maxResendCount}) ` +
      `to ${top.target}${elsewhere} · resends hold ${formatMs(resentMs)} of ${formatMs(choice.criticalNs / 1e6)}`,
    advice:
      'attempts are resent faster than the callee answers, multiplying its load: back off with jitter, cap retries with a budget, and do not retry when the deadline cannot fit another attempt',
    details: { target: top.target, attempts: calls + resent, calls, resends: resent, maxResendCount, resentMs },
    spanIds: [...resends].map((r) => tree.spans[r].spanId),
  };
}
