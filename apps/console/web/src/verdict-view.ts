import type { Diagnosis } from '@tracecart/trace-analysis';
import { describeVerdictShare, formatPathShare, SHARE_DEFINITIONS } from '@tracecart/trace-analysis/share-definitions';
import { h } from './dom';
import { formatMs, msColumn } from './format';
import { serviceColor } from './colors';

/** The verdict line on top, what its percentages mean, and a button for the switch it suggests when that switch is a fix. */
export function verdictBanner(diagnosis: Diagnosis, setFlag: (name: string, value: unknown) => Promise<void>): HTMLElement {
  const { verdict } = diagnosis;
  const kind = verdict.kind === 'culprit' ? (verdict.switchName ? 'culprit' : 'unexplained') : 'neutral';
  const fix = verdict.switchName?.startsWith('fix.') ? verdict.switchName : undefined;
  // The same words as the line's tooltip and under it: the percentages define themselves where shown.
  const definition = verdict.kind === 'no_critical_path' ? null : describeVerdictShare(verdict);
  return h(
    'div',
    { class: `verdict ${kind}`, role: 'status' },
    h('div', { class: 'verdict-label', text: 'Verdict' }),
    h('div', { class: 'verdict-line', id: 'verdict-line', title: definition, text: verdict.line }),
    fix ? h('button', { type: 'button', class: 'apply-fix', onclick: () => void setFlag(fix, true), text: `Turn on ${fix}` }) : null,
    definition ? h('div', { class: 'share-def', id: 'verdict-share-def', text: definition }) : null,
    ...verdict.notes.map((note) => h('div', { class: 'verdict-note', text: note })),
  );
}

/** What the critical path is made of: the top groups with their share, and the N+1 runs. */
export function contributorsView(diagnosis: Diagnosis): HTMLElement {
  const shown = diagnosis.contributors.slice(0, 6);
  const ms = msColumn(shown.map((c) => c.criticalMs));
  const rows = shown.map((c) =>
    h(
      'tr',
      {},
      h('td', { title: SHARE_DEFINITIONS.group }, h('span', { class: 'share-bar', style: `--share:${Math.min(1, c.share)}` }), formatPathShare(c.share)),
      h('td', { class: 'num', text: ms(c.criticalMs) }),
      h('td', { class: 'svc' }, h('span', { class: 'dot', style: `background:${serviceColor(c.service)}` }), c.service),
      h('td', { class: 'stmt', title: c.statement ?? c.operation, text: c.statement ?? c.operation }),
      h('td', { class: 'num', text: c.spanCount }),
    ),
  );
  const findings = diagnosis.nPlusOne.map((f, index) =>
    h(
      'li',
      { class: 'nplus-item', title: SHARE_DEFINITIONS.run },
      h('span', { class: 'nplus-badge', text: `N+1 #${index + 1}` }),
      ` ${f.pattern} in ${f.service}, under ${f.parentService} ${f.parentName} · ${formatMs(f.totalMs)} in all · ${formatPathShare(f.share)} of the critical path, the calls with what they waited on`,
    ),
  );
  return h(
    'div',
    { class: 'contributors' },
    h('h3', { text: 'Critical path, by group' }),
    h('table', { class: 'table compact' }, h('thead', {}, h('tr', {}, ...['share', 'critical', 'service', 'operation / statement', 'spans'].map((t, i) => h('th', { title: i === 0 ? SHARE_DEFINITIONS.group : null, text: t })))), h('tbody', {}, ...rows)),
    h('p', { class: 'share-def', text: `Share: ${SHARE_DEFINITIONS.group}.` }),
    findings.length ? h('h3', { text: 'N+1 patterns' }) : null,
    findings.length ? h('ul', { class: 'nplus-list' }, ...findings) : null,
  );
}
