import { PROBLEM_FIXES } from '@tracecart/flags';
import { formatMs } from '@tracecart/units';
import type { ChallengeView, CheckReport, CheckRun } from '@tracecart/flags';

/** `1h 02m 05s`, `4m 12s`, `9s`: how long a challenge took, to the second. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s`;
  return m > 0 ? `${m}m ${String(s).padStart(2, '0')}s` : `${s}s`;
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

function describeRun(run: CheckRun): string {
  const slo = run.verdict === 'pass' ? 'met' : run.verdict === 'fail' ? 'missed' : 'no data';
  return `p95 ${formatMs(run.p95Ms)}, p99 ${formatMs(run.p99Ms)}, errors ${percent(run.errorRate)}, ${run.achievedRate.toFixed(1)}/s · SLO ${run.slo} ${slo}`;
}

/** The problem and its fix, as a reveal says them. */
export function describeReveal(problem: string): string {
  const fix = (PROBLEM_FIXES as Record<string, string>)[problem];
  return fix ? `${problem} (fixed by ${fix})` : problem;
}

/** Whether the SLO recovered, or why the check's load could not tell. */
export function describeRecovery(report: Pick<CheckReport, 'fix' | 'recovered' | 'baseline'>): string {
  if (report.recovered) return `the SLO recovered with ${report.fix} on`;
  if (report.baseline.verdict === 'pass') return `the SLO held with ${report.fix} off too: this load is too light to tell (try a higher --rate)`;
  return `the SLO did not recover with ${report.fix} on`;
}

/** An answer's report: right or not, both runs, whether the SLO recovered, and the time taken. */
export function formatCheck(report: CheckReport): string {
  const lines = [
    report.right ? `${report.fix}: right.` : `${report.fix}: not this one; ${report.fix} is off again.`,
    `  ${report.fix} off: ${describeRun(report.baseline)}`,
    `  ${report.fix} on:  ${describeRun(report.withFix)}`,
    `  ${describeRecovery(report)}`,
    `time taken: ${formatElapsed(report.elapsedMs)} since the challenge started`,
  ];
  if (report.problem) lines.push(`the problem was ${describeReveal(report.problem)}`);
  else lines.push('the problem stays hidden: answer again, or `challenge give-up` to see it');
  return lines.join('\n');
}

/** `challenge status` and the lines after start and give-up. */
export function formatView(view: ChallengeView): string {
  if (view.state === 'none') return 'no challenge yet: npm run lab -- challenge start';
  const answers = view.answers.map((a) => `  ${a.fix}: ${a.right ? 'right' : 'wrong'}, ${a.recovered ? 'the SLO recovered' : 'no recovery measured'}`);
  const head =
    view.state === 'running'
      ? [
          `challenge ${view.id} (seed ${view.seed}) running for ${formatElapsed(view.elapsedMs ?? 0)}: one problem is on, hidden`,
          view.checking ? `checking the answer ${view.checking} …` : `answer with: npm run lab -- challenge answer <fix>   (one of ${view.choices.join(', ')})`,
        ]
      : [
          `challenge ${view.id} (seed ${view.seed}) ${view.outcome === 'solved' ? 'solved' : 'given up'} after ${formatElapsed(view.elapsedMs ?? 0)}`,
          `the problem was ${describeReveal(view.problem ?? 'unknown')}`,
        ];
  return [...head, ...(answers.length ? ['answers:', ...answers] : [])].join('\n');
}
