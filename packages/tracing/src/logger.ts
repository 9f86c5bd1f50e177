import pino, { type Logger } from 'pino';
import { trace } from '@opentelemetry/api';

/** A service logger. */
export type { Logger };

/** A pino JSON logger whose every line carries trace_id and span_id when inside a trace. */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const spanContext = trace.getActiveSpan()?.spanContext();
      if (!spanContext || !trace.isSpanContextValid(spanContext)) return {};
      return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
    },
  });
}
