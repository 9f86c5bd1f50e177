// The span names' own entry point: the package's main one would bring zod into the page.
import { FIX_ATTRIBUTE_PREFIX, FIX_ATTRIBUTES } from '@tracecart/contracts/span-names';
import type { TraceList, TraceRow } from '../../src/api-types';
import { api } from './api';
import { h, replaceChildren } from './dom';
import { formatClock, formatMs, shortId } from './format';

const REFRESH_MS = 5000;
/** A fix attribute's short label: `lab.fix.index` → `index`. */
export function fixLabelOf(key: string): string {
  return key.slice(FIX_ATTRIBUTE_PREFIX.length);
}

/** A select with (value, text) options. */
export function select(id: string, options: Array<[string, string]>, chosen: string): HTMLSelectElement {
  return h('select', { id, 'aria-label': id }, ...options.map(([value, text]) => h('option', { value, selected: value === chosen, text })));
}

function fixChips(row: TraceRow): HTMLElement {
  return h('span', { class: 'fixes' }, ...FIX_ATTRIBUTES.map((key) => {
    const on = row.fixes[key] === true || row.fixes[key] === 'true';
    return h('span', { class: `mini ${on ? 'on' : 'off'}`, title: `${key}=${String(row.fixes[key] ?? '?')}`, text: fixLabelOf(key) });
  }));
}

// Coloured by what the caller got, as in the shop: 5xx red, 4xx (the caller's mistake, answered
// correctly) amber, else green. A rejected checkout's trace holds failed calls too (order asking
// inventory for an unknown SKU), so error spans only decide when there is no status.
function statusBadge(row: TraceRow): HTMLElement {
  const status = row.httpStatus;
  const kind = status === null ? (row.error ? 'bad' : 'good') : status >= 500 ? 'bad' : status >= 400 ? 'warn' : 'good';
  const title = row.error ? 'some spans in this trace failed' : null;
  return h('span', { class: `badge ${kind}`, title, text: status ?? (row.error ? 'error' : 'ok') });
}

function traceRowView(row: TraceRow, maxMs: number, open: (id: string) => void): HTMLElement {
  const status = statusBadge(row);
  return h(
    'tr',
    { class: 'clickable', onclick: () => open(row.traceId), title: `open ${row.traceId}` },
    h('td', { text: formatClock(row.startTime) }),
    h('td', { class: 'stmt' }, row.rootName ?? '?', h('code', { class: 'muted short-id', text: ` ${shortId(row.traceId)}` })),
    h('td', { class: 'num' }, h('span', { class: 'dur-bar', style: `--share:${maxMs > 0 ? row.durationMs / maxMs : 0}` }), formatMs(row.durationMs)),
    h('td', {}, fixChips(row)),
    h('td', {}, status),
  );
}

function tableOf(tbody: HTMLElement): HTMLElement {
  const widths = [78, 0, 112, 172, 64].map((w) => h('col', { style: w ? `width:${w}px` : null }));
  const heads = ['time', 'root · trace', 'duration', 'fixes', 'status'].map((t) => h('th', { text: t }));
  return h('div', { class: 'scroll' }, h('table', { class: 'table compact fixed', id: 'traces-table' }, h('colgroup', {}, ...widths), h('thead', {}, h('tr', {}, ...heads)), tbody));
}

/** The recent-traces list: service and lookback pickers, and a table refreshed every few seconds. */
export function createRecentTraces(open: (traceId: string) => void) {
  const service = select('traces-service', [['gateway', 'gateway']], 'gateway');
  const lookback = select('traces-lookback', [['15m', 'last 15 min'], ['1h', 'last hour'], ['6h', 'last 6 hours']], '1h');
  const tbody = h('tbody');
  const problem = h('p', { class: 'problem', role: 'alert' });
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function refresh(): Promise<void> {
    clearTimeout(timer);
    try {
      const { traces } = await api<TraceList>(`/api/traces?service=${encodeURIComponent(service.value)}&lookback=${lookback.value}&limit=25`);
      const maxMs = Math.max(0, ...traces.map((t) => t.durationMs));
      replaceChildren(tbody, ...traces.map((t) => traceRowView(t, maxMs, open)));
      if (traces.length === 0) replaceChildren(tbody, h('tr', {}, h('td', { colspan: 5, class: 'hint', text: 'No traces yet: place a checkout.' })));
      problem.textContent = '';
    } catch (error) {
      problem.textContent = `traces: ${(error as Error).message}`;
    }
    timer = setTimeout(() => void refresh(), REFRESH_MS);
  }

  async function loadServices(): Promise<void> {
    const { services } = await api<{ services: string[] }>('/api/services');
    if (services.length) replaceChildren(service, ...services.map((s) => h('option', { value: s, selected: s === 'gateway', text: s })));
  }

  service.addEventListener('change', () => void refresh());
  lookback.addEventListener('change', () => void refresh());
  const refreshButton = h('button', { type: 'button', class: 'secondary', onclick: () => void refresh(), text: 'Refresh' });
  const element = h('div', {}, h('h3', { text: 'Recent traces' }), h('div', { class: 'row' }, service, lookback, refreshButton), problem, tableOf(tbody));
  loadServices().catch((error: Error) => (problem.textContent = `services: ${error.message}`));
  void refresh();
  return {
    element,
    /** The search the list shows, for the comparison to reuse. */
    current: () => ({ service: service.value, lookback: lookback.value }),
    refreshSoon(): void {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), 1500);
    },
  };
}
