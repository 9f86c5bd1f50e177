import type { CompareResult } from '../../src/api-types';
import { h } from './dom';
import { formatMs, formatRatio } from './format';
import { serviceColor } from './colors';

function ratioClass(ratio: number | null): string {
  if (ratio === null) return '';
  return ratio < 0.9 ? 'better' : ratio > 1.1 ? 'worse' : '';
}

/** p50/p95 of both groups with ratios, then the groups whose critical time changed most. */
export function comparisonView(result: CompareResult, labels: [string, string]): HTMLElement {
  const { comparison: c } = result;
  const stat = (name: string, before: number | null, after: number | null, ratio: number | null) =>
    h('tr', {}, h('th', { text: name }), h('td', { class: 'num', text: formatMs(before) }), h('td', { class: 'num', text: formatMs(after) }), h('td', { class: `num ${ratioClass(ratio)}`, text: formatRatio(ratio) }));
  const groups = c.groups.slice(0, 8).map((g) =>
    h(
      'tr',
      {},
      h('td', { class: 'svc' }, h('span', { class: 'dot', style: `background:${serviceColor(g.service)}` }), g.service),
      h('td', { class: 'stmt', title: g.statement ?? g.operation, text: g.statement ?? g.operation }),
      h('td', { class: 'num', text: formatMs(g.before.criticalMsPerTrace) }),
      h('td', { class: 'num', text: formatMs(g.after.criticalMsPerTrace) }),
      h('td', { class: `num ${ratioClass(g.criticalRatio)}`, text: `${g.deltaCriticalMsPerTrace > 0 ? '+' : ''}${formatMs(g.deltaCriticalMsPerTrace)}` }),
    ),
  );
  return h(
    'div',
    { class: 'comparison', id: 'comparison' },
    h('table', { class: 'table compact' },
      h('thead', {}, h('tr', {}, h('th'), h('th', { class: 'num', text: `${labels[0]} (${c.before.traceCount})` }), h('th', { class: 'num', text: `${labels[1]} (${c.after.traceCount})` }), h('th', { class: 'num', text: 'ratio' }))),
      h('tbody', {}, stat('p50', c.before.p50Ms, c.after.p50Ms, c.p50Ratio), stat('p95', c.before.p95Ms, c.after.p95Ms, c.p95Ratio)),
    ),
    h('h3', { text: 'Critical time per trace, by group' }),
    h('table', { class: 'table compact fixed' },
      h('colgroup', {}, ...[100, 0, 86, 86, 96].map((w) => h('col', { style: w ? `width:${w}px` : null }))),
      h('thead', {}, h('tr', {}, ...['service', 'operation / statement', labels[0], labels[1], 'change'].map((t, i) => h('th', { class: i > 1 ? 'num' : null, text: t })))),
      h('tbody', {}, ...groups),
    ),
  );
}
