import type { TraceSummary } from '../store/summarize-trace';

// Jaeger marshals summaries with proto3 JSON rules: zero numbers and empty strings are left
// out, uint64 times are decimal strings, int32 counts are numbers.

type JsonFields = Record<string, string | number | undefined>;

const nanosText = (ns: bigint) => (ns > 0n ? ns.toString() : '');

function withoutZeros(fields: JsonFields): JsonFields {
  const out: JsonFields = {};
  for (const [key, value] of Object.entries(fields)) if (value !== 0 && value !== '') out[key] = value;
  return out;
}

/** One summary as Jaeger's /api/v3/trace-summaries writes it. */
export function toSummaryJson(summary: TraceSummary): object {
  return {
    ...withoutZeros({
      traceId: summary.traceId,
      rootServiceName: summary.rootServiceName,
      rootOperationName: summary.rootOperationName,
      minStartTimeUnixNano: nanosText(summary.minStartNs),
      maxEndTimeUnixNano: nanosText(summary.maxEndNs),
      spanCount: summary.spanCount,
      errorSpanCount: summary.errorSpanCount,
      orphanSpanCount: summary.orphanSpanCount,
    }),
    services: summary.services.map((s) => withoutZeros({ name: s.name, spanCount: s.spanCount, errorSpanCount: s.errorSpanCount })),
  };
}
