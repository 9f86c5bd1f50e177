import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { getTracer } from '@tracecart/tracing';

/**
 * Runs one attempt of a call in a CLIENT span of its own, around the HTTP span the
 * instrumentation makes for it. The attempts of one call are then sibling calls of the same
 * name in the trace, one after another, each resend marked with its ordinal.
 */
export function withAttemptSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  return getTracer().startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await fn();
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      span.recordException(err);
      span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
      throw error;
    } finally {
      span.end();
    }
  });
}
