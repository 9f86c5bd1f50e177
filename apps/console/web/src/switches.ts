import { api } from './api';
import { h, panelHeader, replaceChildren } from './dom';
import type { FlagState, PageContext } from './page-context';
import { FIXES, PROBLEMS, createChaosRow, createFixRow, type ChaosRow, type FixRow } from './switch-rows';

const POLL_MS = 1000;

type SetFlag = (name: string, value: unknown) => Promise<void>;

interface SwitchRows {
  fixes: Map<string, FixRow>;
  /** On/off rows of the problems and their fixes, by problem. */
  problems: Array<{ title: string; rows: Map<string, FixRow> }>;
  latency: ChaosRow;
  errors: ChaosRow;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function cacheNote(state: FlagState, fromConsole: string | null): string {
  const reported = typeof state.cache === 'string' ? state.cache : state.cache?.backend;
  return (reported ?? fromConsole) === 'memory' ? 'in-process cache, not Redis' : '';
}

function buildRows(setFlag: SetFlag): SwitchRows {
  const toggleRows = (switches: Array<{ name: string; what: string }>) =>
    new Map(switches.map(({ name, what }) => [name, createFixRow(name, what, (on) => void setFlag(name, on))]));
  const fixes = toggleRows(FIXES);
  const problems = PROBLEMS.map(({ title, switches }) => ({ title, rows: toggleRows(switches) }));
  const percent = { key: 'rate', label: '% of requests', max: 100 };
  const latency = createChaosRow('chaos.latency', 'inventory adds a delay to a share of requests', [{ key: 'ms', label: 'ms', max: 60000 }, percent], (v) =>
    void setFlag('chaos.latency', { ms: Math.round(v.ms), rate: v.rate / 100 }),
  );
  const errors = createChaosRow('chaos.errors', 'inventory fails a share of requests with 503', [percent], (v) => void setFlag('chaos.errors', { rate: v.rate / 100 }));
  return { fixes, problems, latency, errors };
}

function renderFix(row: FixRow, name: string, state: FlagState, cacheBackend: string | null): void {
  if (state.hidden?.includes(name)) {
    // A challenge runs: the switch is neither shown nor settable until it is answered.
    row.toggle.checked = false;
    row.toggle.disabled = true;
    row.chip.textContent = 'hidden';
    row.chip.className = 'chip pending';
    return;
  }
  const on = state.flags[name] === true;
  const pending = name in state.pending;
  row.toggle.checked = pending ? state.pending[name] === true : on;
  row.toggle.disabled = pending;
  row.chip.textContent = pending ? (state.pending[name] ? 'building index…' : 'dropping index…') : on ? 'on' : 'off';
  row.chip.className = `chip ${pending ? 'pending' : on ? 'on' : 'off'}`;
  if (name === 'fix.cache') row.note.textContent = cacheNote(state, cacheBackend);
}

// The inputs take the live values only once, so polling never overwrites what a person is typing.
function renderChaos(row: ChaosRow, value: Record<string, number> | undefined, describe: (v: Record<string, number>) => string, fillInputs: boolean): void {
  const active = value !== undefined && value.rate > 0;
  row.chip.textContent = active ? describe(value) : 'off';
  row.chip.className = `chip ${active ? 'chaos' : 'off'}`;
  if (fillInputs && value) for (const [key, input] of Object.entries(row.inputs)) input.value = String(key === 'rate' ? round(value[key] * 100) : value[key]);
}

/** The live switches panel; returns setFlag for the other panels (e.g. the verdict's button). */
export function mountSwitches(root: HTMLElement, ctx: Pick<PageContext, 'lab'>): SetFlag {
  const problem = h('p', { class: 'problem', role: 'alert' });
  let filled = false;
  const render = (state: FlagState) => {
    for (const [name, row] of rows.fixes) renderFix(row, name, state, ctx.lab.cacheBackend);
    for (const problem of rows.problems) for (const [name, row] of problem.rows) renderFix(row, name, state, ctx.lab.cacheBackend);
    renderChaos(rows.latency, state.flags['chaos.latency'] as Record<string, number>, (v) => `+${v.ms} ms on ${round(v.rate * 100)}%`, !filled);
    renderChaos(rows.errors, state.flags['chaos.errors'] as Record<string, number>, (v) => `503 on ${round(v.rate * 100)}%`, !filled);
    filled = true;
  };
  const setFlag: SetFlag = async (name, value) => {
    problem.textContent = '';
    try {
      render(await api<FlagState>(`/api/flags/${encodeURIComponent(name)}`, 'PUT', { value }));
    } catch (error) {
      problem.dataset.source = 'write';
      problem.textContent = `${name}: ${(error as Error).message}`;
    }
  };
  const rows = buildRows(setFlag);
  replaceChildren(
    root,
    panelHeader('2', 'Switches', 'Fixes take effect in about a second, no restart. Problems and chaos make trouble on purpose.'),
    h('div', { class: 'switch-group' }, h('h3', { text: 'Fixes' }), ...[...rows.fixes.values()].map((f) => f.row)),
    h(
      'div',
      { class: 'switch-group' },
      h('h3', { text: 'Problems' }),
      ...rows.problems.flatMap(({ title, rows: problemRows }) => [h('h4', { text: title }), ...[...problemRows.values()].map((r) => r.row)]),
    ),
    h('div', { class: 'switch-group' }, h('h3', { text: 'Chaos' }), rows.latency.row, rows.errors.row),
    problem,
  );
  pollForever(render, problem);
  return setFlag;
}

function pollForever(render: (state: FlagState) => void, problem: HTMLElement): void {
  const tick = async () => {
    try {
      render(await api<FlagState>('/api/flags'));
      if (problem.dataset.source === 'poll') problem.textContent = '';
    } catch (error) {
      problem.dataset.source = 'poll';
      problem.textContent = `switches: ${(error as Error).message}`;
    }
    setTimeout(() => void tick(), POLL_MS);
  };
  void tick();
}
