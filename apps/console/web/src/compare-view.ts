import type { CompareResult } from '../../src/api-types';
import { h } from './dom';
import { formatRatio, msColumn } from './format';
import { serviceColor } from './colors';

function ratioClass(ratio: number | null): string {
  if (ratio === null) return '';
  return ratio < 0.9 ? 'better' : ratio > 1.1 ? 'worse' : '';
}

function statsTable(c: CompareResult['comparison'], labels: [string, string]): HTMLElement {
  const ms = msColumn([c.before.p50Ms, c.before.p95Ms, c.after.p50Ms, c.after.p95Ms]);
  const stat = (name: string, before: number | null, after: number | null, ratio: number | null) =>
    h('tr', {}, h('th', { text: name }), h('td', { class: 'num', text: ms(before) }), h('td', { class: 'num', text: ms(after) }), h('td', { class: `num ${ratioClass(ratio)}`, text: formatRatio(ratio) }));
  return h('table', { class: 'table compact' },
    h('thead', {}, h('tr', {}, h('th'), h('th', { class: 'num', text: `${labels[0]} (${c.before.traceCount})` }), h('th', { class: 'num', text: `${labels[1]} (${c.after.traceCount})` }), h('th', { class: 'num', text: 'ratio' }))),
    h('tbody', {}, stat('p50', c.before.p50Ms, c.after.p50Ms, c.p50Ratio), stat('p95', c.before.p95Ms, c.after.p95Ms, c.p95Ratio)),
  );
}

/** p50/p95 of both groups with ratios, then the groups whose critical time changed most. */
export function comparisonView(result: CompareResult, labels: [string, string]): HTMLElement {
  const { comparison: c } = result;
  const shown = c.groups.slice(0, 8);
  // One precision per column, so 12.0 ms and 0.40 ms never sit under each other as 12.0 and 0.4.
  const ms = msColumn(shown.flatMap((g) => [g.before.criticalMsPerTrace, g.after.criticalMsPerTrace, g.deltaCriticalMsPerTrace]));
  const groups = shown.map((g) =>
    h(
      'tr',
      {},
      h('td', { class: 'svc' }, h('span', { class: 'dot', style: `background:${serviceColor(g.service)}` }), g.service),
      // Whole and wrapped: two statements that differ only at the end must not look alike.
      h('td', { class: 'stmt wrap', text: g.statement ?? g.operation }),
      h('td', { class: 'num', text: ms(g.before.criticalMsPerTrace) }),
      h('td', { class: 'num', text: ms(g.after.criticalMsPerTrace) }),
      h('td', { class: `num ${ratioClass(g.criticalRatio)}`, text: ms(g.deltaCriticalMsPerTrace, true) }),
    ),
  );
  return h(
    'div',
    { class: 'comparison', id: 'comparison' },
    statsTable(c, labels),
    h('h3', { text: 'Critical time per trace, by group' }),
    h('table', { class: 'table compact fixed' },
      h('colgroup', {}, ...[100, 0, 86, 86, 96].map((w) => h('col', { style: w ? `width:${w}px` : null }))),
      h('thead', {}, h('tr', {}, ...['service', 'operation / statement', labels[0], labels[1], 'change'].map((t, i) => h('th', { class: i > 1 ? 'num' : null, text: t })))),
      h('tbody', {}, ...groups),
    ),
  );
}
