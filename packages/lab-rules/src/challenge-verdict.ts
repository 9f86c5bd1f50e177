import type { Diagnosis, Verdict } from '@tracecart/trace-analysis';

const FIX_PREFIX = 'fix.';
// Said when a rule names a fix for a culprit without a finding: no rule does that today.
const WITHOUT_FINDING = 'work out which change removes this cause';

/**
 * The verdict a person sees during a challenge: the same culprit, finding and diagnosis (the
 * rules still order the findings), but the finding's general advice instead of the switch that
 * fixes it, and no switch name, so the person maps the evidence to a fix themselves.
 */
export function withoutFixSuggestion(verdict: Verdict): Verdict {
  if (!verdict.switchName?.startsWith(FIX_PREFIX)) return verdict;
  const advice = verdict.finding?.advice ?? WITHOUT_FINDING;
  // The line states `<diagnosis> → <suggestion>` once; only that part changes.
  const line = verdict.line.replace(`${verdict.diagnosis} → ${verdict.suggestion}`, `${verdict.diagnosis} → ${advice}`);
  return { ...verdict, suggestion: advice, switchName: undefined, line };
}

/** A diagnosis whose verdict names no fix switch (see withoutFixSuggestion). */
export function withoutFixSuggestions(diagnosis: Diagnosis): Diagnosis {
  return { ...diagnosis, verdict: withoutFixSuggestion(diagnosis.verdict) };
}
