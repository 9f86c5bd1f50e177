import type { LoadState, LoadSummary } from '../../src/api-types';
import type { ProgressSnapshot } from '@tracecart/loadgen';
import { h } from './dom';
import { formatMs } from './format';

/** The live line under the chart: time, achieved rate, percentiles so far, errors, in flight. */
export function progressLine(state: LoadState): string {
  const last: ProgressSnapshot | undefined = state.progress[state.progress.length - 1];
  if (state.status === 'idle') return 'No load has run yet.';
  if (state.status === 'failed') return `Run ${state.runId} failed: ${state.error ?? 'unknown error'}`;
  if (!last) return `Run ${state.runId}: warming up…`;
  const prefix = state.status === 'running' ? `Run ${state.runId} running` : `Run ${state.runId} finished`;
  return `${prefix} · ${(last.elapsedMs / 1000).toFixed(1)} s · ${last.achievedRate.toFixed(1)} req/s · p50 ${formatMs(last.p50Ms)} · p95 ${formatMs(last.p95Ms)} · p99 ${formatMs(last.p99Ms)} · errors ${last.errors} · in flight ${last.inFlight}`;
}

/** The final report: percentiles, rates, errors and the SLO verdict with the budget consumed. */
export function reportView(report: LoadSummary): HTMLElement {
  const l = report.latencyMs;
  const verdict = report.slo.verdict;
  return h(
    'div',
    { class: 'load-report', id: 'load-report' },
    h('div', { class: `slo-verdict ${verdict}` }, h('strong', { text: `SLO ${verdict.toUpperCase().replace('_', ' ')}` }), ` ${report.slo.spec} · error budget consumed ${report.slo.budgetConsumedPercent.toFixed(0)}%`),
    h('table', { class: 'table compact' },
      h('thead', {}, h('tr', {}, ...['p50', 'p90', 'p95', 'p99', 'p99.9', 'max', 'req/s', 'errors'].map((t) => h('th', { class: 'num', text: t })))),
      h('tbody', {}, h('tr', {},
        ...[l.p50, l.p90, l.p95, l.p99, l.p999, l.max].map((v) => h('td', { class: 'num', text: formatMs(v) })),
        h('td', { class: 'num', text: `${report.achievedRate.toFixed(1)} / ${report.targetRate}` }),
        h('td', { class: 'num', text: `${report.counts.failed} of ${report.counts.sent}` }),
      )),
    ),
    ...report.slo.objectives.map((o) => h('div', { class: `objective ${o.met ? 'met' : 'missed'}`, text: `${o.met ? '✓' : '✗'} ${o.objective}: observed ${o.kind === 'latency' ? formatMs(o.observed) : `${o.observed.toFixed(2)}%`} · budget ${o.budgetConsumedPercent.toFixed(0)}%` })),
  );
}
