import { labelOf } from './labels';
import type { EvidenceScope } from './evidence-scope';
import type { Finding } from './types';

/**
 * Sequential same-shape calls: the culprit is (or sits inside) a run of three or more sibling
 * calls, each starting when the one before ended. Calls that overlap (a parallel fan-out) never
 * form a run, so they are never called an N+1.
 */
export function findNPlusOneEvidence(scope: EvidenceScope): Finding | undefined {
  const { tree, choice } = scope;
  const run = choice.run;
  if (!run) return undefined;
  const parent = tree.spans[run.parent];
  const first = tree.spans[run.members[0]];
  const call = labelOf({ operation: first.name, statement: run.call.statement, target: run.call.target });
  return {
    kind: 'n_plus_one',
    title: 'N+1',
    evidence: `${run.members.length} sequential × ${call} under ${parent.service} ${parent.name}, none overlapping`,
    advice: 'one batched call instead of one per item',
    details: { count: run.members.length, call, parent: `${parent.service} ${parent.name}` },
    spanIds: run.members.map((m) => tree.spans[m].spanId),
  };
}
