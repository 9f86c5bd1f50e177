import { HttpError } from '@tracecart/http-kit';
import { JaegerQueryError } from '@tracecart/jaeger-client';
import { TraceAnalysisError } from '@tracecart/trace-analysis';

/**
 * Turns a failure of the trace backend into the error contract: Jaeger not answering (or
 * answering with an error) is 503 dependency_unavailable; a trace the analysis refuses is 502.
 */
export function toTraceBackendError(error: unknown, jaegerQueryUrl: string): unknown {
  if (error instanceof JaegerQueryError) {
    const why = error.status === 0 ? `did not answer (${error.jaegerMessage})` : `answered ${error.status}: ${error.jaegerMessage}`;
    return new HttpError(503, 'dependency_unavailable', `the trace backend at ${jaegerQueryUrl} ${why}`);
  }
  if (error instanceof TraceAnalysisError) {
    return new HttpError(502, 'invalid_trace', `the trace backend sent a trace the analysis refuses: ${error.message}`);
  }
  return error;
}

/** A trace id as Jaeger stores it: lower-case hex, left-padded to 32 digits. */
export function normalizeTraceId(raw: string): string {
  if (!/^[0-9a-fA-F]{1,32}$/.test(raw)) {
    throw new HttpError(400, 'invalid_request', `traceId: must be 1 to 32 hex digits, not "${raw.slice(0, 40)}"`);
  }
  return raw.toLowerCase().padStart(32, '0');
}
