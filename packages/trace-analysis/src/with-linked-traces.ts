import type { TracesData } from '@tracecart/otlp';
import { buildTraceTree } from './build-trace-tree';
import { selectFromTrees } from './select-tree';
import { linkedTraceIds } from './trace-links';
import type { TraceTree } from './types';

/** Fetches one trace by id from wherever traces are kept; undefined when it is not there. */
export type TraceGetter = (traceId: string) => Promise<TracesData | undefined>;

// A consumer links to one producer per message; a batch may link to a few.
const MAX_LINKED_TRACES = 3;

// The trees of a linked trace, or none when it cannot be fetched or read.
async function linkedTrees(traceId: string, getTrace: TraceGetter): Promise<TraceTree[]> {
  try {
    const data = await getTrace(traceId);
    return data ? buildTraceTree(data) : [];
  } catch {
    return [];
  }
}

/**
 * selectTree, with the traces its spans link to read beside it (at most a few): a consumer that
 * does not record how long its message waited shows it across the link to its producer, whose
 * span end the diagnosis then reads. The trace is parsed once. A linked trace that cannot be
 * fetched or read is left out: the diagnosis of this one goes on without it.
 */
export async function selectTreeWithLinks(data: TracesData, traceId: string, getTrace: TraceGetter): Promise<TraceTree> {
  const trees = buildTraceTree(data);
  const tree = trees.find((t) => t.traceId === traceId.toLowerCase());
  const linked = tree ? linkedTraceIds(tree).slice(0, MAX_LINKED_TRACES) : [];
  const others = await Promise.all(linked.map((l) => linkedTrees(l.traceId, getTrace)));
  return selectFromTrees([...trees, ...others.flat()], traceId);
}
