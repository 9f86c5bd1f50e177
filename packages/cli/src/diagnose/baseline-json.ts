import type { Diagnosis } from '@tracecart/trace-analysis';
import type { BaselineMarks } from './baseline-marks';
import { formatOrigin } from './format-baselines';

/** `--json` of one trace: the diagnosis with a `baseline` on the culprit and each contributor (null when none), and where baselines came from. */
export function diagnosisWithBaselines(diagnosis: Diagnosis, marks: BaselineMarks) {
  const { culprit } = diagnosis.verdict;
  // Spread, not picked: fields the analysis adds later pass through unchanged.
  return {
    ...diagnosis,
    verdict: { ...diagnosis.verdict, culprit: culprit && { ...culprit, baseline: marks.culprit ?? null } },
    contributors: diagnosis.contributors.map((c) => ({ ...c, baseline: marks.contributors.get(c.key) ?? null })),
    baselines: { ...marks.origin, line: formatOrigin(marks.origin) },
  };
}
