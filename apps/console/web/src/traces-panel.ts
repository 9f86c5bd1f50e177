import type { SwitchCompareResult } from '../../src/api-types';
import { api } from './api';
import { h, panelHeader, replaceChildren } from './dom';
import type { PageContext } from './page-context';
import { comparisonView } from './compare-view';
import { LAB_ATTRIBUTES, FIX_ATTRIBUTES } from '@tracecart/contracts/span-names';
import { createRecentTraces, fixLabelOf, select } from './recent-traces';

/**
 * The comparison: checkouts split by their full switch state, comparing the two states that differ
 * only in the chosen switch, so another switch flipped in between cannot take the credit.
 */
function createComparison(current: () => { service: string; lookback: string }): HTMLElement {
  const by = select('compare-by', FIX_ATTRIBUTES.map((k) => [k, k]), LAB_ATTRIBUTES.fixIndex);
  const result = h('div', { class: 'compare-result' });

  async function runCompare(): Promise<void> {
    const { service, lookback } = current();
    const body = { switch: by.value, service, operation: 'POST /api/checkout', lookback, limit: 200 };
    replaceChildren(result, h('p', { class: 'hint loading', text: 'comparing…' }));
    try {
      const answer = await api<SwitchCompareResult>('/api/compare/switch', 'POST', body);
      // An empty side says which one and how to fill it; the page shows it as the note itself.
      const note = h('p', { class: answer.pair ? 'compare-note' : 'problem', id: 'compare-note', 'data-empty': answer.empty?.sides.join(' ') ?? null, text: answer.message });
      const name = fixLabelOf(by.value);
      replaceChildren(result, note, answer.pair ? comparisonView(answer.pair, [`${name} off`, `${name} on`]) : null);
    } catch (error) {
      replaceChildren(result, h('p', { class: 'problem', text: (error as Error).message }));
    }
  }

  const run = h('button', { type: 'button', id: 'compare-run', onclick: () => void runCompare(), text: 'Compare' });
  const hint = 'Only traces whose other switches match are compared.';
  return h('div', {}, h('h3', { text: 'Before and after' }), h('div', { class: 'row' }, h('span', { text: 'Compare checkouts with' }), by, h('span', { text: 'off vs on' }), run), h('p', { class: 'hint', text: hint }), result);
}

/** Recent traces (refreshed every few seconds) and a before/after comparison by one fix switch. */
export function mountTraces(root: HTMLElement, ctx: Pick<PageContext, 'openWaterfall'>): { refreshSoon(): void } {
  const recent = createRecentTraces(ctx.openWaterfall);
  const hint = 'Recent traces with the fixes they ran under; click one for its waterfall. Then compare checkouts before and after a fix.';
  replaceChildren(root, panelHeader('4', 'Traces', hint), h('div', { class: 'two-col' }, recent.element, createComparison(recent.current)));
  return recent;
}
