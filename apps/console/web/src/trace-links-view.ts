import type { LinkedTrace, TraceLinksView } from '../../src/api-types';
import { api } from './api';
import { h, replaceChildren } from './dom';

// A consumer usually takes the message within a second or two; a lagging one may take minutes,
// so the page looks for a while and then says how to look again.
const LOOK_AGAIN_MS = 2_000;
const LOOK_FOR_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function traceLine(label: string, linked: LinkedTrace, kind: string, open: (traceId: string) => void): HTMLElement {
  return h(
    'p',
    { class: `trace-link ${kind}`, 'data-trace-id': linked.traceId },
    `${label}: trace `,
    h('button', { class: 'link', type: 'button', onclick: () => open(linked.traceId) }, h('code', { text: linked.traceId })),
  );
}

function lines(links: TraceLinksView, open: (traceId: string) => void, stillLooking: boolean): HTMLElement[] {
  const shown = [
    ...links.linksTo.map((linked) => traceLine('placed by', linked, 'placed-by', open)),
    ...links.linkedFrom.map((linked) => traceLine('fulfilled later', linked, 'fulfilled-later', open)),
  ];
  if (links.linkedFrom.length === 0 && links.pendingMessageIds.length > 0) {
    const when = stillLooking ? 'looking again…' : 'reopen the trace to look again';
    shown.push(h('p', { class: 'trace-link pending', text: `not fulfilled yet: its order.placed message waits in the queue, or its trace has not arrived (${when})` }));
  }
  if (links.unavailable) shown.push(h('p', { class: 'problem', text: links.unavailable }));
  return shown;
}

/**
 * The traces across the queue under a waterfall: the checkout that placed a consumer's message,
 * or the consumer deliveries of a checkout's message, each opening that trace's waterfall. While
 * the message waits, it asks again every 2 s for up to a minute.
 */
export function mountTraceLinks(slot: HTMLElement, traceId: string, links: TraceLinksView, open: (traceId: string) => void, isCurrent: () => boolean): void {
  const deadline = performance.now() + LOOK_FOR_MS;
  const waiting = (current: TraceLinksView) => current.pendingMessageIds.length > 0 && current.linkedFrom.length === 0;
  const render = (current: TraceLinksView, stillLooking: boolean) => replaceChildren(slot, ...lines(current, open, stillLooking));
  render(links, waiting(links));
  const lookAgain = async (): Promise<void> => {
    let current = links;
    while (waiting(current) && isCurrent()) {
      await sleep(LOOK_AGAIN_MS);
      if (!isCurrent()) return;
      current = await api<TraceLinksView>(`/api/traces/${traceId}/links`);
      render(current, performance.now() < deadline);
      if (performance.now() >= deadline) return;
    }
  };
  lookAgain().catch((error: Error) => isCurrent() && slot.append(h('p', { class: 'problem', text: `links: ${error.message}` })));
}
