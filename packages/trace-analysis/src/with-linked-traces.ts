import type { TracesData } from '@tracecart/otlp';
import { buildTraceTree } from './build-trace-tree';
import { linkedTraceIds } from './trace-links';

/** Fetches one trace by id from wherever traces are kept; undefined when it is not there. */
export type TraceGetter = (traceId: string) => Promise<TracesData | undefined>;

// A consumer links to one producer per message; a batch may link to a few.
const MAX_LINKED_TRACES = 3;

/**
 * The trace, with the traces its spans link to beside it (at most a few): a consumer that does
 * not record how long its message waited shows it across the link to its producer, whose span
 * end diagnosis then reads. A linked trace that cannot be fetched is left out: the diagnosis of
 * this one goes on without it.
 */
export async function withLinkedTraces(data: TracesData, traceId: string, getTrace: TraceGetter): Promise<TracesData> {
  const tree = buildTraceTree(data).find((t) => t.traceId === traceId.toLowerCase());
  const linked = tree ? linkedTraceIds(tree).slice(0, MAX_LINKED_TRACES) : [];
  const fetched = await Promise.all(linked.map((l) => getTrace(l.traceId).catch(() => undefined)));
  const others = fetched.flatMap((t) => t?.resourceSpans ?? []);
  return others.length === 0 ? data : { resourceSpans: [...(data.resourceSpans ?? []), ...others] };
}
