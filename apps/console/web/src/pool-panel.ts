import type { LabPools, PoolView } from '../../src/api-types';
import { api } from './api';
import { h, panelHeader, replaceChildren } from './dom';
import { formatMs } from './format';

// Twice the console's sampling period: each refresh shows at least one new sample.
const POLL_MS = 2000;
// In-flight within this share of the pool's size counts as full: the queue has started.
const FULL_SHARE = 0.9;
// Waiting on average above this (one caller in twenty samples) means checkouts did queue.
const QUEUED = 0.05;

const HINT =
  "Little's Law: the average number of checkouts in the pool, L, equals arrivals per second (λ) times the mean time each spends waiting for and then using a connection (W). When L reaches the pool's size, arrivals queue and W grows.";

const count = (n: number) => n.toFixed(1);
const rate = (perSecond: number) => `${perSecond >= 10 ? perSecond.toFixed(0) : perSecond.toFixed(1)}/s`;

// How full the pool is, as a bar the width of its size, so a full pool is seen at a glance.
function fillBar(pool: PoolView): HTMLElement {
  const share = (n: number) => `${Math.min(100, (100 * n) / Math.max(1, pool.max)).toFixed(1)}%`;
  return h(
    'div',
    { class: 'pool-bar', title: `average in flight ${count(pool.inFlight.total)} of ${pool.max}` },
    h('span', { class: 'pool-used', style: `width: ${share(pool.inFlight.used)}` }),
    h('span', { class: 'pool-waiting', style: `width: ${share(pool.inFlight.waiting)}` }),
  );
}

// Little's estimate with its factors, and W's two parts.
function littleLine(pool: PoolView): string {
  if (pool.meanTimeMs === null) return 'λ × W: no checkouts in this window';
  const parts = `wait ${formatMs(pool.meanWaitMs)} + use ${formatMs(pool.meanUseMs)}`;
  return `λ × W = ${rate(pool.arrivalsPerSecond)} × ${formatMs(pool.meanTimeMs)} = ${count(pool.littleEstimate)} (${parts})`;
}

function poolCard(pool: PoolView): HTMLElement {
  const full = pool.inFlight.total >= FULL_SHARE * pool.max || pool.inFlight.waiting >= QUEUED;
  return h(
    'div',
    { class: `pool-card${full ? ' full' : ''}`, 'data-pool': pool.name },
    h('h3', {}, `${pool.name} · size ${pool.max}`),
    h('p', { class: 'pool-l', text: `in flight L = ${count(pool.inFlight.total)} (used ${count(pool.inFlight.used)} + waiting ${count(pool.inFlight.waiting)})` }),
    h('p', { class: 'pool-little', text: littleLine(pool) }),
    fillBar(pool),
    h('p', { class: 'muted pool-now', text: `now: ${pool.used} used, ${pool.waiting} waiting${full ? ' · full: checkouts queue for a connection' : ''}` }),
  );
}

function body(answer: LabPools): HTMLElement {
  if (answer.unavailable !== null) return h('p', { class: 'problem', text: `No pool figures: ${answer.unavailable}` });
  const span = answer.samples < 2 ? 'collecting samples…' : `over the last ${answer.windowSeconds.toFixed(0)} s (${answer.samples} samples)`;
  return h('div', {}, h('p', { class: 'muted pool-window', text: `inventory's pools, ${span}` }), h('div', { class: 'pool-cards' }, ...answer.pools.map(poolCard)));
}

/** The pool panel: for each of inventory's pools, L measured against λ × W, refreshed every 2 s. */
export function mountPools(root: HTMLElement): void {
  const content = h('div', { id: 'pool-figures' });
  replaceChildren(root, panelHeader('7', "Pool (Little's Law)", HINT), content);
  const tick = async () => {
    try {
      replaceChildren(content, body(await api<LabPools>('/api/lab/pools')));
    } catch (error) {
      replaceChildren(content, h('p', { class: 'problem', text: `No pool figures: ${(error as Error).message}` }));
    }
    setTimeout(() => void tick(), POLL_MS);
  };
  void tick();
}
