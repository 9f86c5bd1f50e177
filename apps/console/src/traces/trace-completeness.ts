import type { TraceTree } from '@tracecart/trace-analysis';

const SERVER = 2;
const CLIENT = 3;

/**
 * True once every process has delivered its spans: one server root, no orphans, and every
 * outgoing HTTP call answered by the callee's server span (or marked failed). Each service
 * exports in its own batches, so the root alone says nothing about the rest.
 */
export function isTraceComplete(tree: TraceTree): boolean {
  if (tree.roots.length !== 1 || tree.orphans.length > 0) return false;
  if (tree.spans[tree.roots[0]].kind !== SERVER) return false;
  return tree.spans.every((span) => {
    if (span.kind !== CLIENT || span.attributes['http.request.method'] === undefined) return true;
    if (span.attributes['error.type'] !== undefined) return true;
    return span.children.some((child) => tree.spans[child].kind === SERVER);
  });
}
