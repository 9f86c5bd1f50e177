import type { LoadLimits, LoadState } from '../../src/api-types';
import type { ProgressSnapshot } from '@tracecart/loadgen';
import { api } from './api';
import { h, panelHeader, replaceChildren } from './dom';
import { chartLegend, drawLatencyChart } from './latency-chart';
import { progressLine, reportView } from './load-report-view';
import type { PageContext } from './page-context';

function numberInput(id: string, value: number, min: number, max: number): HTMLInputElement {
  return h('input', { id, type: 'number', value, min, max, step: 'any', 'aria-label': id });
}

/** The settings form; Start posts the run, Stop ends it early. Problems land in `problem`. */
function loadForm(limits: LoadLimits, problem: HTMLElement) {
  const rate = numberInput('load-rate', 10, 0.1, limits.maxRate);
  const duration = h('input', { id: 'load-duration', value: '30s', size: 5, 'aria-label': 'duration' });
  const mix = h('select', { id: 'load-mix', 'aria-label': 'mix' }, ...limits.mixes.map((m) => h('option', { value: m, text: m })));
  const items = numberInput('load-items', 1, 1, limits.maxItems);
  const slo = h('input', { id: 'load-slo', value: 'p99<300ms', size: 12, 'aria-label': 'SLO' });
  const start = h('button', { type: 'submit', id: 'load-start', text: 'Start load' });
  const stop = h('button', { type: 'button', id: 'load-stop', class: 'secondary', text: 'Stop', disabled: true });
  const report = (error: Error) => {
    problem.textContent = error.message;
  };
  const submit = (e: Event) => {
    e.preventDefault();
    problem.textContent = '';
    const body = { rate: Number(rate.value), duration: duration.value.trim(), mix: mix.value, items: Number(items.value), slo: slo.value.trim() };
    api<LoadState>('/api/load', 'POST', body).catch(report);
  };
  stop.addEventListener('click', () => void api<LoadState>('/api/load', 'DELETE').catch(report));
  const field = (label: string, input: HTMLElement) => h('label', { class: 'field' }, label, input);
  const element = h('form', { class: 'load-form', onsubmit: submit }, field('rate /s', rate), field('for', duration), field('SKUs', mix), field('items', items), field('SLO', slo), start, stop);
  return { element, start, stop };
}

/** The load panel: settings, start/stop, a live latency chart with the SLO line, the final report. */
export function mountLoad(root: HTMLElement, ctx: Pick<PageContext, 'lab'>): void {
  const limits = ctx.lab.load;
  const problem = h('p', { class: 'problem', role: 'alert' });
  const form = loadForm(limits, problem);
  const status = h('p', { class: 'progress-line', id: 'load-progress' });
  const chart = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  chart.setAttribute('class', 'chart');
  chart.setAttribute('id', 'load-chart');
  const report = h('div');
  let state: LoadState | undefined;

  const redraw = () => {
    if (!state) return;
    drawLatencyChart(chart, { progress: state.progress, durationMs: state.settings?.durationMs ?? 30_000, objectives: state.objectives });
    status.textContent = progressLine(state);
    form.start.disabled = state.status === 'running' || limits.unavailable !== null;
    form.stop.disabled = state.status !== 'running';
    replaceChildren(report, state.report ? reportView(state.report) : null);
  };

  const hint = `Constant arrival rate (open model), latency from each request's intended send time. Up to ${limits.maxRate}/s for ${limits.maxDurationMs / 60_000} min.`;
  const unavailable = limits.unavailable ? h('p', { class: 'problem', text: limits.unavailable }) : null;
  replaceChildren(root, panelHeader('5', 'Load', hint), h('div', { class: 'two-col' }, h('div', {}, form.element, unavailable, problem, status, report), h('div', {}, chart, chartLegend())));

  const events = new EventSource('/api/load/events');
  events.addEventListener('state', (e) => {
    state = JSON.parse((e as MessageEvent<string>).data) as LoadState;
    redraw();
  });
  events.addEventListener('progress', (e) => {
    state?.progress.push(JSON.parse((e as MessageEvent<string>).data) as ProgressSnapshot);
    redraw();
  });
}
