import type { TraceAnalysis } from '../../src/api-types';
import { ApiError, api } from './api';
import { h, panelHeader, replaceChildren } from './dom';
import { formatMs } from './format';
import type { PageContext } from './page-context';
import { spanDetails } from './span-details';
import { mountTraceLinks } from './trace-links-view';
import { contributorsView, verdictBanner } from './verdict-view';
import { legend, waterfallView } from './waterfall-view';

// Services export spans in batches about a second apart; a fresh trace fills in over a few seconds.
const WAIT_FOR_SPANS_MS = 12_000;
const RETRY_MS = 700;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fetches a diagnosis, waiting a little while the trace is missing or still incomplete. */
async function fetchAnalysis(traceId: string, isCurrent: () => boolean, onWait: (why: string) => void): Promise<TraceAnalysis> {
  const deadline = performance.now() + WAIT_FOR_SPANS_MS;
  for (;;) {
    let analysis: TraceAnalysis | undefined;
    try {
      analysis = await api<TraceAnalysis>(`/api/diagnose/${traceId}`);
      if (analysis.complete) return analysis;
      onWait(`waiting for the rest of the spans (${analysis.rows.length} so far)…`);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      onWait('waiting for the trace to reach the trace backend…');
    }
    if (performance.now() > deadline || !isCurrent()) {
      if (analysis) return analysis;
      throw new ApiError(404, 'not_found', `trace ${traceId} has not reached the trace backend`);
    }
    await sleep(RETRY_MS);
  }
}

function summaryLine(analysis: TraceAnalysis): HTMLElement {
  const { summary } = analysis.diagnosis;
  return h(
    'div',
    { class: 'trace-head' },
    h('code', { class: 'trace-id', id: 'waterfall-trace-id', text: analysis.traceId }),
    h('span', { text: `${summary.rootService ?? '?'} · ${summary.rootName ?? '?'}` }),
    h('span', { class: 'strong', text: formatMs(analysis.durationMs) }),
    h('span', { text: `${summary.spanCount} spans` }),
    analysis.complete ? null : h('span', { class: 'chip pending', text: 'some spans have not arrived' }),
    analysis.jaegerUrl ? h('a', { href: analysis.jaegerUrl, target: '_blank', rel: 'noopener', text: 'open in Jaeger ↗' }) : null,
  );
}

/** The waterfall panel; returns the function that opens a trace in it. */
export function mountWaterfall(root: HTMLElement, ctx: Pick<PageContext, 'setFlag'>): (traceId: string) => void {
  const body = h('div', { class: 'waterfall-body', id: 'waterfall-body' }, h('p', { class: 'hint', text: 'Open a checkout\u2019s waterfall from the shop or the traces list.' }));
  replaceChildren(root, panelHeader('3', 'Waterfall', 'Where the time went: the critical path is marked dark, click a span for its statement and attributes.'), body);
  let current = '';

  function show(analysis: TraceAnalysis): void {
    const details = h('div', { class: 'details-slot' }, h('p', { class: 'hint', text: 'Click a span to see its attributes, including db.query.text.' }));
    let selected: HTMLElement | undefined;
    // A plan's EXPLAIN span and its statement point at each other: a click selects the other row.
    const selectSpan = (spanId: string) => {
      const element = rows.querySelector<HTMLElement>(`.wf-row[data-span-id="${CSS.escape(spanId)}"]`);
      element?.scrollIntoView({ block: 'nearest' });
      element?.click();
    };
    const rows = waterfallView(analysis, (row, element) => {
      selected?.classList.remove('selected');
      selected = element;
      element.classList.add('selected');
      replaceChildren(details, spanDetails(row, selectSpan));
    });
    const links = h('div', { class: 'trace-links', id: 'trace-links' });
    replaceChildren(body, verdictBanner(analysis.diagnosis, ctx.setFlag), summaryLine(analysis), legend(analysis.services), h('div', { class: 'wf-split' }, rows, details), links, contributorsView(analysis.diagnosis));
    body.dataset.traceId = analysis.traceId;
    body.dataset.complete = String(analysis.complete);
    mountTraceLinks(links, analysis.traceId, analysis.links, open, () => current === analysis.traceId);
  }

  function open(traceId: string): void {
    current = traceId;
    replaceChildren(body, h('p', { class: 'hint loading', text: `loading trace ${traceId}…` }));
    root.scrollIntoView({ behavior: 'smooth', block: 'start' });
    const isCurrent = () => current === traceId;
    fetchAnalysis(traceId, isCurrent, (why) => isCurrent() && replaceChildren(body, h('p', { class: 'hint loading', text: why })))
      .then((analysis) => isCurrent() && show(analysis))
      .catch((error: Error) => isCurrent() && replaceChildren(body, h('p', { class: 'problem', text: error.message })));
  }

  return open;
}
