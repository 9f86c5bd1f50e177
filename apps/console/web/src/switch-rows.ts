import type { PROBLEM_FIXES, ProblemName } from '@tracecart/flags';
import { h } from './dom';

/** A fix switch: what it changes, shown beside its name. */
export const FIXES: Array<{ name: string; what: string }> = [
  { name: 'fix.index', what: 'index on products.sku (built concurrently)' },
  { name: 'fix.cache', what: 'read-through cache for catalog lookups' },
  { name: 'fix.batch', what: 'one lookup call and query for all items' },
];

// Keyed by problem switch, with the fix the flags package pairs it with: a problem added there
// and not here, or shown with another fix, fails the typecheck instead of going missing.
const PROBLEM_GROUPS: { [P in ProblemName]: { title: string; what: string; fix: { name: (typeof PROBLEM_FIXES)[P]; what: string } } } = {
  'problem.sync-cpu': {
    title: 'A blocked event loop',
    what: 'gateway signs each receipt on its event loop (pbkdf2Sync)',
    fix: { name: 'fix.offload', what: 'sign on libuv’s thread pool instead (async pbkdf2)' },
  },
  'problem.pool': {
    title: 'Pool starvation',
    what: 'inventory’s stock dashboards run a catalog-wide report on the checkouts’ pool',
    fix: { name: 'fix.pool', what: 'the report gets a pool of its own, one connection (a bulkhead)' },
  },
  'problem.hot-row': {
    title: 'Lock contention',
    what: 'inventory audits each reserved line while it holds the product rows’ locks',
    fix: { name: 'fix.lock', what: 'audit first, lock the rows last, right before COMMIT' },
  },
  'problem.retries': {
    title: 'A retry storm',
    what: 'order resends its inventory calls at once on a 100 ms timeout, up to 5 attempts',
    fix: { name: 'fix.retries', what: 'backoff with jitter, a 10% retry budget, and no retry the deadline cannot fit' },
  },
  'problem.slow-consumer': {
    title: 'Consumer lag',
    what: 'fulfilment takes one order.placed message at a time down a slow per-message path: checkouts stay fast, the queue grows',
    fix: { name: 'fix.consumers', what: 'more messages at once, and one batched lookup for all of an order’s lines' },
  },
};

/** Problems the lab switches on, each with the fix that answers it; the panel groups them by problem. */
export const PROBLEMS: Array<{ title: string; switches: Array<{ name: string; what: string }> }> = Object.entries(PROBLEM_GROUPS).map(([name, group]) => ({
  title: group.title,
  switches: [{ name, what: group.what }, group.fix],
}));

/** The elements of one fix row that change with the state. */
export interface FixRow {
  row: HTMLElement;
  toggle: HTMLInputElement;
  chip: HTMLElement;
  note: HTMLElement;
}

/** A fix's row: a toggle, its name and purpose, a state chip and a note line. */
export function createFixRow(name: string, what: string, onToggle: (on: boolean) => void): FixRow {
  const toggle = h('input', { type: 'checkbox', role: 'switch', id: `toggle-${name}`, 'aria-label': name });
  toggle.addEventListener('change', () => onToggle(toggle.checked));
  const chip = h('span', { class: 'chip', id: `state-${name}`, text: '…' });
  const note = h('span', { class: 'note', id: `note-${name}` });
  const row = h(
    'div',
    { class: 'switch-row', 'data-flag': name },
    h('label', { class: 'toggle', for: `toggle-${name}` }, toggle, h('span', { class: 'slider' })),
    h('div', { class: 'switch-text' }, h('code', { text: name }), h('span', { class: 'desc', text: what }), note),
    chip,
  );
  return { row, toggle, chip, note };
}

/** The elements of one chaos row. */
export interface ChaosRow {
  row: HTMLElement;
  chip: HTMLElement;
  inputs: Record<string, HTMLInputElement>;
}

/** A chaos switch's row: number inputs (ms, rate in %), an apply button and a state chip. */
export function createChaosRow(name: string, what: string, fields: Array<{ key: string; label: string; max: number }>, onApply: (values: Record<string, number>) => void): ChaosRow {
  const inputs: Record<string, HTMLInputElement> = {};
  const controls = fields.map(({ key, label, max }) => {
    inputs[key] = h('input', { type: 'number', min: 0, max, step: 'any', id: `input-${name}-${key}`, 'aria-label': `${name} ${label}` });
    return h('label', { class: 'field' }, label, inputs[key]);
  });
  const read = () => Object.fromEntries(Object.entries(inputs).map(([key, input]) => [key, Number(input.value) || 0]));
  const chip = h('span', { class: 'chip', id: `state-${name}`, text: '…' });
  const row = h(
    'form',
    { class: 'switch-row chaos', 'data-flag': name, onsubmit: (e: Event) => { e.preventDefault(); onApply(read()); } },
    h('div', { class: 'switch-text' }, h('code', { text: name }), h('span', { class: 'desc', text: what })),
    h('div', { class: 'chaos-controls' }, ...controls, h('button', { type: 'submit', text: 'Apply' })),
    chip,
  );
  return { row, chip, inputs };
}
