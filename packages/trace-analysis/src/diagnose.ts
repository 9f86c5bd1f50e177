import { summarizeTree } from './summarize-tree';
import { computeCriticalPath } from './critical-path';
import { findTopContributors } from './contributors';
import { detectNPlusOne } from './n-plus-one';
import { decideVerdict } from './verdict';
import { selectTree } from './select-tree';
import type { DiagnoseOptions, Diagnosis } from './types';

/** Everything about one trace: summary, critical path, contributors, N+1 patterns and the verdict. */
export function diagnose(data: unknown, options: DiagnoseOptions = {}): Diagnosis {
  const tree = selectTree(data, options.traceId);
  return {
    summary: summarizeTree(tree),
    criticalPath: computeCriticalPath(tree),
    contributors: findTopContributors(tree, { limit: options.contributorLimit }),
    nPlusOne: detectNPlusOne(tree, options.nPlusOne),
    verdict: decideVerdict(tree, options),
  };
}
