import { metricsOf } from './trace-metrics';
import type { CulpritChoice } from './choose-culprit';
import type { TraceTree } from './types';

// A run's calls can hold whole subtrees; past this many spans the rest adds no new kind of evidence.
const MAX_SCOPE_SPANS = 5_000;

/** The spans whose evidence speaks for a candidate culprit. */
export interface EvidenceScope {
  tree: TraceTree;
  choice: CulpritChoice;
  /** The culprit's spans with critical time, and for a run of calls everything under them that has some; indexes into tree.spans. */
  spans: number[];
}

function withDescendants(tree: TraceTree, members: number[]): number[] {
  const out: number[] = [];
  const stack = [...members].reverse();
  while (stack.length > 0 && out.length < MAX_SCOPE_SPANS) {
    const i = stack.pop() as number;
    out.push(i);
    const children = tree.spans[i].children;
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]);
  }
  return out;
}

/** The scope of a candidate: evidence only counts where the culprit spent critical time. */
export function evidenceScopeOf(tree: TraceTree, choice: CulpritChoice): EvidenceScope {
  const { criticalNs } = metricsOf(tree);
  const candidates = choice.withSubtrees ? withDescendants(tree, choice.members) : choice.members;
  return { tree, choice, spans: candidates.filter((i) => criticalNs[i] > 0) };
}

const perTree = new WeakMap<TraceTree, Set<number>>();

/**
 * Spans that carry evidence for another span they link to (a plan fetched after its statement
 * ended): their evidence is counted on the span they point at, so it is not counted twice.
 */
export function isEvidenceCarrier(tree: TraceTree, index: number): boolean {
  let carriers = perTree.get(tree);
  if (!carriers) {
    carriers = new Set();
    // Most traces link nothing: then no id set is built at all.
    if (tree.spans.some((s) => s.links.length > 0)) {
      const ids = new Set(tree.spans.map((s) => s.spanId));
      tree.spans.forEach((span, i) => {
        if (span.links.some((l) => l.traceId === tree.traceId && ids.has(l.spanId))) carriers!.add(i);
      });
    }
    perTree.set(tree, carriers);
  }
  return carriers.has(index);
}
