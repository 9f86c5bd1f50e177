import type { TraceAnalysis, WaterfallRow } from '../../src/api-types';
import { h } from './dom';
import { formatMs } from './format';
import { serviceColor } from './colors';
import { baselineBadge } from './baseline-badge';
import { evidenceBadges } from './evidence-marks';

/** More rows than this slow the page down without telling a person more; the rest are counted. */
export const MAX_DRAWN_ROWS = 1500;

function pct(ms: number, totalMs: number): string {
  return `${totalMs > 0 ? Math.max(0, Math.min(100, (ms / totalMs) * 100)) : 0}%`;
}

function statementOf(row: WaterfallRow): string | undefined {
  const value = row.attributes['db.query.text'] ?? row.attributes['db.statement'];
  return typeof value === 'string' ? value.replace(/\s+/g, ' ') : undefined;
}

function tooltip(row: WaterfallRow): string {
  const lines = [`${row.service} · ${row.name}`, `duration ${formatMs(row.durationMs)} · self ${formatMs(row.selfMs)} · critical ${formatMs(row.criticalMs)}`];
  const statement = statementOf(row);
  if (statement) lines.push(statement);
  return lines.join('\n');
}

// A database span is named after its statement: `pg SELECT … FROM products WHERE sku = $1`
// says more than `SELECT products`.
function displayName(row: WaterfallRow, statement: string | undefined): string {
  if (!statement) return row.name;
  const system = row.attributes['db.system.name'] ?? row.attributes['db.system'];
  return system === 'postgresql' ? 'pg' : String(system ?? 'db');
}

function label(row: WaterfallRow): HTMLElement {
  const statement = statementOf(row);
  return h(
    'div',
    { class: 'wf-label', style: `padding-left:${6 + row.depth * 14}px` },
    h('span', { class: 'dot', style: `background:${serviceColor(row.service)}` }),
    h('span', { class: 'wf-name', text: displayName(row, statement) }),
    statement ? h('span', { class: 'wf-stmt', text: statement }) : null,
    row.nPlusOne !== null ? h('span', { class: 'nplus-badge', title: 'one of a run of sequential calls (N+1)', text: `N+1 #${row.nPlusOne + 1}` }) : null,
    baselineBadge(row),
    ...evidenceBadges(row),
  );
}

// The duration sits inside a wide bar, else after it, or before it when the bar ends near the edge.
function durationLabel(row: WaterfallRow, totalMs: number): HTMLElement {
  const end = row.startMs + row.durationMs;
  const text = formatMs(row.durationMs);
  if (totalMs > 0 && row.durationMs / totalMs > 0.12) return h('span', { class: 'wf-dur inside', style: `right:${pct(totalMs - end, totalMs)}`, text });
  if (totalMs > 0 && end / totalMs > 0.85) return h('span', { class: 'wf-dur', style: `right:${pct(totalMs - row.startMs, totalMs)}`, text });
  return h('span', { class: 'wf-dur', style: `left:${pct(end, totalMs)}`, text });
}

function track(row: WaterfallRow, totalMs: number): HTMLElement {
  return h(
    'div',
    { class: 'wf-track' },
    h('div', { class: 'wf-bar', style: `left:${pct(row.startMs, totalMs)};width:${pct(row.durationMs, totalMs)};background:${serviceColor(row.service)}` }),
    ...row.critical.map(([s, e]) => h('div', { class: 'wf-crit', style: `left:${pct(s, totalMs)};width:${pct(e - s, totalMs)}` })),
    durationLabel(row, totalMs),
  );
}

function ruler(totalMs: number): HTMLElement {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => h('span', { class: 'tick', style: `left:${f * 100}%`, text: formatMs(totalMs * f) }));
  return h('div', { class: 'wf-row wf-ruler' }, h('div', { class: 'wf-label', text: 'span' }), h('div', { class: 'wf-track' }, ...ticks), h('div', { class: 'wf-self', text: 'self' }));
}

/** The waterfall: a ruler, then one row per span; `onSelect` gets the row a person clicks. */
export function waterfallView(analysis: TraceAnalysis, onSelect: (row: WaterfallRow, element: HTMLElement) => void): HTMLElement {
  const total = analysis.durationMs;
  const drawn = analysis.rows.slice(0, MAX_DRAWN_ROWS).map((row) => {
    const classes = ['wf-row', row.criticalMs > 0 ? 'critical' : '', row.isError ? 'error' : '', row.nPlusOne !== null ? 'nplus' : ''];
    const element = h('div', { class: classes.filter(Boolean).join(' '), title: tooltip(row), 'data-span-id': row.spanId, tabindex: 0 }, label(row), track(row, total), h('div', { class: 'wf-self', text: formatMs(row.selfMs) }));
    element.addEventListener('click', () => onSelect(row, element));
    element.addEventListener('keydown', (e) => (e.key === 'Enter' ? onSelect(row, element) : undefined));
    return element;
  });
  const hidden = analysis.rows.length - drawn.length;
  return h('div', { class: 'wf', id: 'waterfall-rows' }, ruler(total), ...drawn, hidden > 0 ? h('p', { class: 'hint', text: `${hidden} more spans not drawn; open the trace in Jaeger to see them all.` }) : null);
}

/** The services of a trace with their colours, and what the marks mean. */
export function legend(services: string[]): HTMLElement {
  return h(
    'div',
    { class: 'legend' },
    ...services.map((s) => h('span', { class: 'legend-item' }, h('span', { class: 'dot', style: `background:${serviceColor(s)}` }), s)),
    h('span', { class: 'legend-item' }, h('span', { class: 'crit-sample' }), 'critical path'),
    h('span', { class: 'legend-item' }, h('span', { class: 'nplus-badge', text: 'N+1' }), 'sequential repeated calls'),
    h('span', { class: 'legend-item' }, h('span', { class: 'baseline-badge', text: 'p95+' }), 'slow for its own operation lately'),
    h('span', { class: 'legend-item' }, h('span', { class: 'evidence-badge seq-scan', text: 'seq scan' }), 'its plan reads a whole table'),
    h('span', { class: 'legend-item' }, h('span', { class: 'evidence-badge lock-wait', text: 'lock wait' }), 'it waited for a lock'),
  );
}
