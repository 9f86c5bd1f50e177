import type { DecodedTraces, PartialSuccess } from '@tracecart/otlp';
import type { TraceStore } from '../store/trace-store';

/**
 * Decodes one export and stores it, the same for every protocol. A payload that does not decode
 * throws (nothing is stored); spans the store cannot keep come back as a partial success.
 */
export function exportTraces(store: TraceStore, decode: () => DecodedTraces): PartialSuccess | undefined {
  const result = store.ingest(decode());
  if (result.rejectedSpans === 0) return undefined;
  return { rejectedSpans: result.rejectedSpans, errorMessage: `${result.rejectedSpans} span(s) not stored: ${result.rejection}` };
}
