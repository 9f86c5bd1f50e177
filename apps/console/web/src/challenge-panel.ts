import type { ChallengeView, CheckReport, CheckRun } from '@tracecart/flags';
import { api } from './api';
import { h, panelHeader, replaceChildren } from './dom';

const POLL_MS = 1000;

function elapsed(ms: number | undefined): string {
  const s = Math.max(0, Math.round((ms ?? 0) / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function runLine(label: string, run: CheckRun): string {
  return `${label}: p99 ${Math.round(run.p99Ms)} ms, errors ${(run.errorRate * 100).toFixed(1)}% · SLO ${run.verdict === 'pass' ? 'met' : 'missed'}`;
}

function checkLines(report: CheckReport): string[] {
  return [
    report.right ? `${report.fix}: right.` : `${report.fix}: not this one; it is off again.`,
    runLine(`${report.fix} off`, report.baseline),
    runLine(`${report.fix} on`, report.withFix),
    report.recovered
      ? 'The SLO recovered with it on.'
      : report.baseline.verdict === 'pass'
        ? 'The SLO held with it off too: this load is too light to tell.'
        : 'The SLO did not recover with it on.',
    `Time taken: ${elapsed(report.elapsedMs)}.`,
  ];
}

function stateLines(view: ChallengeView): string[] {
  if (view.state === 'none') return ['No challenge yet. Start one: a problem is switched on, hidden; find it from the evidence.'];
  if (view.state === 'ended') {
    return [`Challenge ${view.id} ${view.outcome === 'solved' ? 'solved' : 'given up'} after ${elapsed(view.elapsedMs)}: the problem was ${view.problem} (fixed by ${view.fix}).`];
  }
  const running = `Challenge ${view.id} (seed ${view.seed}) running for ${elapsed(view.elapsedMs)}: one problem is on, hidden.`;
  return [running, view.checking ? `Checking ${view.checking}: the same load with it off, then on…` : 'Diagnose a slow trace, then answer with the fix.'];
}

/** The challenge panel: start, answer with a fix (checked under load), give up; the result of the last answer. */
export function mountChallenge(root: HTMLElement): void {
  const problem = h('p', { class: 'problem', role: 'alert' });
  const status = h('div', { id: 'challenge-status', class: 'challenge-status' });
  const result = h('div', { id: 'challenge-result', class: 'challenge-result' });
  const choice = h('select', { id: 'challenge-fix', 'aria-label': 'fix' });
  const start = h('button', { type: 'button', id: 'challenge-start', text: 'Start a challenge' });
  const answer = h('button', { type: 'button', id: 'challenge-answer', text: 'Answer' });
  const giveUp = h('button', { type: 'button', id: 'challenge-give-up', class: 'secondary', text: 'Give up' });

  const render = (view: ChallengeView) => {
    if (choice.options.length === 0) for (const fix of view.choices) choice.append(h('option', { value: fix, text: fix }));
    const running = view.state === 'running';
    start.disabled = running;
    answer.disabled = !running || view.checking !== null;
    giveUp.disabled = !running || view.checking !== null;
    choice.disabled = answer.disabled;
    replaceChildren(status, ...stateLines(view).map((line) => h('p', { text: line })));
    const lines = view.checkError ? [`The check failed: ${view.checkError}`] : view.lastCheck ? checkLines(view.lastCheck) : [];
    replaceChildren(result, ...lines.map((line) => h('p', { text: line })));
  };
  const act = (path: string, body: unknown) => async () => {
    problem.textContent = '';
    try {
      render(await api<ChallengeView>(path, 'POST', body));
    } catch (error) {
      problem.textContent = (error as Error).message;
    }
  };
  start.addEventListener('click', () => void act('/api/challenge', {})());
  answer.addEventListener('click', () => void act('/api/challenge/answer', { fix: choice.value })());
  giveUp.addEventListener('click', () => void act('/api/challenge/give-up', {})());

  replaceChildren(
    root,
    panelHeader('6', 'Challenge', 'A hidden problem: its switch and the verdicts\u2019 fix suggestions stay hidden until you answer with the right fix.'),
    h('div', { class: 'challenge-actions' }, start, h('label', { class: 'field' }, 'fix', choice), answer, giveUp),
    status,
    result,
    problem,
  );
  const tick = async () => {
    try {
      render(await api<ChallengeView>('/api/challenge'));
    } catch (error) {
      problem.textContent = `challenge: ${(error as Error).message}`;
    }
    setTimeout(() => void tick(), POLL_MS);
  };
  void tick();
}
