import { summarizeTree } from './summarize-tree';
import { computeCriticalPath } from './critical-path';
import { findTopContributors } from './contributors';
import { detectNPlusOne } from './n-plus-one';
import { decideVerdict } from './verdict';
import { selectTree } from './select-tree';
import type { DiagnoseOptions, Diagnosis, TraceTree } from './types';

/** Everything about one trace: summary, critical path, contributors, N+1 patterns and the verdict. */
export function diagnose(data: unknown, options: DiagnoseOptions = {}): Diagnosis {
  return diagnoseTree(selectTree(data, options.traceId), options);
}

/** What `diagnose` says, of a tree already built (e.g. by selectTree), so a caller that needs the tree too builds it once. */
export function diagnoseTree(tree: TraceTree, options: Omit<DiagnoseOptions, 'traceId'> = {}): Diagnosis {
  return {
    summary: summarizeTree(tree),
    criticalPath: computeCriticalPath(tree),
    contributors: findTopContributors(tree, { limit: options.contributorLimit }),
    nPlusOne: detectNPlusOne(tree, options.nPlusOne),
    verdict: decideVerdict(tree, options),
  };
}
