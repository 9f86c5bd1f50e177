import { context, ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

const TRACER_NAME = 'tracecart';

/** The tracer services use for their own spans. */
export function getTracer() {
  return trace.getTracer(TRACER_NAME);
}

/** The trace id of the active span, or undefined outside any trace. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** The W3C Trace Context Level 2 `traceresponse` value for the active span, if any. */
export function currentTraceResponse(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return undefined;
  const flags = spanContext.traceFlags.toString(16).padStart(2, '0');
  return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
}

/** Sets attributes on the active span; a no-op outside a trace. */
export function setSpanAttributes(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}

/** Records an event on the active span; a no-op outside a trace. */
export function addSpanEvent(name: string, attributes?: Attributes): void {
  trace.getActiveSpan()?.addEvent(name, attributes);
}

/** Marks the active span as failed with the error, without ending it. */
export function recordSpanError(error: unknown): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}

/** Runs fn inside a new active span that ends when fn settles; errors are recorded and rethrown. */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  return getTracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      recordSpanError(error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Runs fn with the span that was active when `bind` was called (for callbacks that lose it). */
export function bindToActiveContext<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return context.bind(context.active(), fn);
}

/**
 * Runs fn outside any trace, with tracing suppressed: nothing it calls makes a span or sends a
 * `traceparent`, so a request it makes to a traced service starts a trace of its own there, as a
 * customer's request would.
 */
export function runOutsideTrace<T>(fn: () => T): T {
  return context.with(suppressTracing(ROOT_CONTEXT), fn);
}
