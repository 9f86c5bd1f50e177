import { context, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace, type Context, type SpanContext } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { MessageTrace } from '@tracecart/contracts';

// W3C trace context only, whatever the global propagator adds (baggage): a message carries the
// placing span's identity and nothing a caller put in baggage.
const propagator = new W3CTraceContextPropagator();

/** The W3C trace context of the span active in ctx, or undefined when there is no valid one (tracing off). */
export function injectMessageTrace(ctx: Context = context.active()): MessageTrace | undefined {
  const carrier: Record<string, string> = {};
  propagator.inject(ctx, carrier, defaultTextMapSetter);
  if (!carrier.traceparent) return undefined;
  return carrier.tracestate ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate } : { traceparent: carrier.traceparent };
}

/** The producer span's context a message carries, or undefined when it carries none. */
export function extractMessageTrace(messageTrace: MessageTrace | undefined): SpanContext | undefined {
  if (!messageTrace) return undefined;
  const ctx = propagator.extract(ROOT_CONTEXT, { ...messageTrace }, defaultTextMapGetter);
  const spanContext = trace.getSpanContext(ctx);
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext : undefined;
}
