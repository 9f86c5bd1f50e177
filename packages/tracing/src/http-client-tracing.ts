import { errorMonitor } from 'node:events';
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { hostAndPort, TRACER_SCOPE } from './http-common';

interface OriginalClient {
  request: typeof http.request;
  get: typeof http.get;
}

let original: OriginalClient | undefined;

/**
 * Traces every outgoing node:http request: one CLIENT span, child of the active span, whose
 * context goes out in `traceparent` (and the active baggage in `baggage`). The span ends when
 * the request closes, which for a keep-alive call is right after the response body ends.
 * Requests made while tracing is suppressed (the OTLP exporter's own) are left alone.
 */
export function installClientTracing(): void {
  if (original) return;
  const { request, get } = http;
  original = { request, get };
  const tracer = trace.getTracer(TRACER_SCOPE);
  http.request = function tracedRequest(this: unknown, ...args: unknown[]): ClientRequest {
    const clientRequest = (request as (...a: unknown[]) => ClientRequest).apply(this, args);
    traceClientRequest(tracer, clientRequest);
    return clientRequest;
  } as typeof http.request;
  // http.get calls the module's own request(), not the export: it needs the same treatment.
  http.get = function tracedGet(this: unknown, ...args: unknown[]): ClientRequest {
    const clientRequest = (http.request as (...a: unknown[]) => ClientRequest).apply(this, args);
    clientRequest.end();
    return clientRequest;
  } as typeof http.get;
}

/** Puts node:http back as it was (for tests). */
export function uninstallClientTracing(): void {
  if (!original) return;
  http.request = original.request;
  http.get = original.get;
  original = undefined;
}

function traceClientRequest(tracer: Tracer, request: ClientRequest): void {
  const active = context.active();
  // Headers given as a raw array are written at once; there is no way to add traceparent then.
  if (isTracingSuppressed(active) || request.headersSent) return;
  const hostHeader = request.getHeader('host');
  const { host, port } = hostAndPort(typeof hostHeader === 'string' ? hostHeader : undefined, undefined);
  const span = tracer.startSpan(
    request.method,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': request.method,
        'url.full': `${request.protocol}//${hostHeader ?? request.host}${request.path}`,
        'server.address': host ?? request.host,
        'server.port': port,
      },
    },
    active,
  );
  propagation.inject(trace.setSpan(active, span), request, headerSetter);
  endWithRequest(span, request);
}

const headerSetter = {
  set(request: ClientRequest, key: string, value: string): void {
    request.setHeader(key, value);
  },
};

function endWithRequest(span: Span, request: ClientRequest): void {
  let response: IncomingMessage | undefined;
  let failure: Error | undefined;
  // Plain listeners, not once(): a request emits each at most once, and once() would allocate a
  // wrapper per listener per call.
  request.on('response', (res: IncomingMessage) => (response = res));
  // errorMonitor sees the error without handling it: a caller with no 'error' listener of its own
  // must still get the crash node:http would give it untraced.
  request.on(errorMonitor, (error: Error) => (failure = error));
  request.on('close', () => {
    if (response) {
      const status = response.statusCode ?? 0;
      span.setAttribute('http.response.status_code', status);
      // For a client every 4xx and 5xx is a failed call.
      if (status >= 400) {
        span.setAttribute('error.type', String(status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      if (!response.complete) markFailed(span, failure ?? new Error('the response ended before its body was complete'));
    } else {
      markFailed(span, failure ?? new Error('the request closed before any response'));
    }
    span.end();
  });
}

function markFailed(span: Span, error: Error): void {
  span.setAttribute('error.type', (error as NodeJS.ErrnoException).code ?? error.name);
  span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
}
