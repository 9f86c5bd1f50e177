import { EVIDENCE } from '@tracecart/contracts';
import { formatMs } from '@tracecart/units';
import { numberOf } from './attribute-values';
import type { EvidenceScope } from './evidence-scope';
import { evidencePresenceOf } from './evidence-presence';
import type { Finding, TraceTree } from './types';

const { ATTR_EVENT_LOOP_DELAY_MAX, ATTR_EVENT_LOOP_DELAY_TOTAL } = EVIDENCE;

// The loop was stalled for at least half the culprit's critical time: then the stalls, not the
// culprit's own work or its calls, are most of why it was slow.
const MOST = 0.5;
// Below this a stall sum is ordinary short work (parsing, GC) spread over a busy request.
const MIN_DELAY_MS = 10;
// A span held the loop itself when the loop stalled for most of its time and it has no child:
// synchronous work. Stalls without such a span are as likely a starved CPU (other processes on
// the cores) as work on the loop, and moving work off the loop would not help them.
const HELD = 0.5;
// ...and the loop's longest stall covered all of the span but the time a stall-measuring timer
// can miss at its start (a stall is seen from the first tick that came late: up to one period,
// 5 ms for the lab's timer, 10 ms for Node's monitorEventLoopDelay by default). A span that
// waited on a thread pool while other work stalled the loop overlaps that stall only in part.
const TIMER_SLACK_MS = 10;

interface LoopDelay {
  maxMs: number;
  totalMs: number;
}

function loopDelayOf(tree: TraceTree, i: number): LoopDelay | undefined {
  const { attributes } = tree.spans[i];
  const totalMs = numberOf(attributes[ATTR_EVENT_LOOP_DELAY_TOTAL]);
  const maxMs = numberOf(attributes[ATTR_EVENT_LOOP_DELAY_MAX]);
  if (totalMs === undefined && maxMs === undefined) return undefined;
  return { maxMs: maxMs ?? totalMs ?? 0, totalMs: totalMs ?? maxMs ?? 0 };
}

// The span that measured the loop for span i: itself, else the nearest ancestor in the same
// service (a client call or a handler's own span, inside the request whose server span did).
function carrierOf(tree: TraceTree, i: number): number | undefined {
  const { service } = tree.spans[i];
  for (let at = i; at >= 0 && tree.spans[at].service === service; at = tree.spans[at].parent) {
    if (loopDelayOf(tree, at)) return at;
  }
  return undefined;
}

type Holder = { index: number; heldMs: number };
const holdersPerTree = new WeakMap<TraceTree, Map<string, Holder[]>>();

// Childless spans of the carriers' services that held the loop, most held first; once per
// tree and set of services, since every candidate culprit asks.
function holdersIn(tree: TraceTree, services: Set<string>): Holder[] {
  const key = [...services].sort().join('\n');
  let byServices = holdersPerTree.get(tree);
  if (!byServices) holdersPerTree.set(tree, (byServices = new Map()));
  let holders = byServices.get(key);
  if (!holders) byServices.set(key, (holders = findHolders(tree, services)));
  return holders;
}

function findHolders(tree: TraceTree, services: Set<string>): Holder[] {
  const holders: Holder[] = [];
  tree.spans.forEach((span, index) => {
    if (span.children.length > 0 || !services.has(span.service)) return;
    const delay = loopDelayOf(tree, index);
    const durationMs = (span.endNs - span.startNs) / 1e6;
    if (delay && delay.maxMs >= MIN_DELAY_MS && delay.maxMs >= Math.max(HELD * durationMs, durationMs - TIMER_SLACK_MS)) holders.push({ index, heldMs: delay.maxMs });
  });
  return holders.sort((a, b) => b.heldMs - a.heldMs);
}

/**
 * A blocked event loop: the culprit's spans (or the request they ran in) record that the
 * process's event loop was stalled for most of the culprit's time, so it was waiting for other
 * synchronous work, not for its own; and a span with no child held the loop for most of its
 * own time, which shows where that work ran.
 */
export function findEventLoopBlock(scope: EvidenceScope): Finding | undefined {
  const { tree, choice } = scope;
  if (!evidencePresenceOf(tree).eventLoopDelays) return undefined;
  const carriers = new Set<number>();
  for (const i of scope.spans) {
    const carrier = carrierOf(tree, i);
    if (carrier !== undefined) carriers.add(carrier);
  }
  if (carriers.size === 0) return undefined;
  let maxMs = 0;
  let totalMs = 0;
  for (const c of carriers) {
    const delay = loopDelayOf(tree, c) as LoopDelay;
    maxMs = Math.max(maxMs, delay.maxMs);
    totalMs += delay.totalMs;
  }
  const culpritMs = choice.criticalNs / 1e6;
  if (totalMs < MIN_DELAY_MS || totalMs < MOST * culpritMs) return undefined;
  const holders = holdersIn(tree, new Set([...carriers].map((c) => tree.spans[c].service)));
  if (holders.length === 0) return undefined;
  const top = tree.spans[holders[0].index];
  const selfMs = (top.endNs - top.startNs) / 1e6;
  const held = holders.length > 1 ? ` (and ${holders.length - 1} more)` : '';
  const self = ` · ${top.name}${held}: ${formatMs(selfMs)} self time, no child`;
  return {
    kind: 'event_loop_block',
    title: 'blocked event loop',
    evidence: `event loop delayed ${formatMs(totalMs)} (${ATTR_EVENT_LOOP_DELAY_TOTAL}, longest ${formatMs(maxMs)})${self}`,
    advice: 'synchronous work holds the event loop: move it off the loop (an async API on the thread pool, or a worker thread)',
    details: { delayMs: totalMs, maxDelayMs: maxMs, holder: top.name, selfMs },
    spanIds: [...carriers].map((c) => tree.spans[c].spanId),
  };
}
