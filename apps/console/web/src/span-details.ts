import type { WaterfallRow } from '../../src/api-types';
import { h } from './dom';
import { formatMs } from './format';
import { serviceColor } from './colors';
import { evidenceSections, type SelectSpan } from './evidence-view';

const KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// A consumer's delivery: the time its message sat in the queue is the part no span covers.
function queueWaitLine(row: WaterfallRow): HTMLElement | null {
  const wait = row.evidence?.queueWait;
  if (!wait) return null;
  return h('p', { class: 'evidence queue-wait', id: 'queue-wait', text: `waited ${formatMs(wait.ms)} in ${wait.queue ?? 'its queue'} before processing` });
}

/** One span in full: timings, the statement it ran, its plan and waits, every attribute and event; `select` opens another span. */
export function spanDetails(row: WaterfallRow, select: SelectSpan): HTMLElement {
  const statement = row.attributes['db.query.text'] ?? row.attributes['db.statement'];
  const attributes = Object.entries(row.attributes).sort(([a], [b]) => a.localeCompare(b));
  return h(
    'div',
    { class: 'span-details', id: 'span-details' },
    h('h3', {}, h('span', { class: 'dot', style: `background:${serviceColor(row.service)}` }), `${row.service} · ${row.name}`),
    h(
      'dl',
      { class: 'facts' },
      ...[
        ['duration', formatMs(row.durationMs)],
        ['self time', formatMs(row.selfMs)],
        ['on critical path', formatMs(row.criticalMs)],
        ['starts at', `+${formatMs(row.startMs)}`],
        ['kind', KINDS[row.kind] ?? String(row.kind)],
        ['span id', row.spanId],
        ...(row.baseline ? [['vs recent', `p${Math.floor(row.baseline.percentile)} of ${row.baseline.count} (${row.baseline.window})`]] : []),
        ...(row.evidence?.poolWaitMs !== undefined ? [['waited for connection', formatMs(row.evidence.poolWaitMs)]] : []),
      ].flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]),
    ),
    statement !== undefined ? h('pre', { class: 'statement', text: valueText(statement) }) : null,
    queueWaitLine(row),
    ...evidenceSections(row.evidence, select),
    h('table', { class: 'table compact attrs' }, h('tbody', {}, ...attributes.map(([k, v]) => h('tr', {}, h('th', { text: k }), h('td', { text: valueText(v) }))))),
    row.events.length ? h('h4', { text: 'Events' }) : null,
    ...row.events.map((e) => h('div', { class: 'event' }, h('code', { text: e.name }), ` ${valueText(e.attributes)}`)),
  );
}
