import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { headerGetter, hostAndPort, TRACER_SCOPE } from './http-common';
import { pathOf, UNTRACED_PATHS } from './untraced-paths';

/** What Express leaves on the request once a route matched (`req.route.path`, `req.baseUrl`). */
interface RoutedRequest extends IncomingMessage {
  route?: { path?: unknown };
  baseUrl?: string;
}

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

let originalEmit: Emit | undefined;

/**
 * Traces every request an http.Server handles: one SERVER span per request, continuing the
 * caller's W3C trace context, active while the handlers run, ended when the response is sent.
 *
 * Part of the opt-in lean set: unlike @opentelemetry/instrumentation-http it wraps no listener
 * of the request or response, and reads the Express route from `req.route` once the response is
 * finished instead of patching every Express layer.
 */
export function installServerTracing(): void {
  if (originalEmit) return;
  const emit = http.Server.prototype.emit as Emit;
  originalEmit = emit;
  const tracer = trace.getTracer(TRACER_SCOPE);
  // Every event of every server passes through here: `arguments` hands the other events on as
  // they came, without building a rest array each time.
  http.Server.prototype.emit = function tracedEmit(this: http.Server, event: string | symbol, request: IncomingMessage, response: ServerResponse): boolean {
    if (event !== 'request') return Reflect.apply(emit, this, arguments) as boolean;
    const path = pathOf(request.url);
    if (UNTRACED_PATHS.has(path)) return emit.call(this, event, request, response);
    const parent = propagation.extract(ROOT_CONTEXT, request.headers, headerGetter);
    const span = tracer.startSpan(request.method ?? 'HTTP', { kind: SpanKind.SERVER, attributes: requestAttributes(request, path) }, parent);
    endWithResponse(span, request as RoutedRequest, response);
    return context.with(trace.setSpan(parent, span), emit, this, event, request, response);
  } as typeof http.Server.prototype.emit;
}

/** Puts http.Server back as it was (for tests). */
export function uninstallServerTracing(): void {
  if (!originalEmit) return;
  http.Server.prototype.emit = originalEmit as typeof http.Server.prototype.emit;
  originalEmit = undefined;
}

function requestAttributes(request: IncomingMessage, path: string): Attributes {
  const { host, port } = hostAndPort(request.headers.host, request.socket.localPort);
  const attributes: Attributes = {
    'http.request.method': request.method,
    'url.path': path,
    'url.scheme': 'http',
    'server.address': host,
    'server.port': port,
    'client.address': request.socket.remoteAddress,
    'network.protocol.version': request.httpVersion,
  };
  const userAgent = request.headers['user-agent'];
  if (userAgent) attributes['user_agent.original'] = userAgent;
  return attributes;
}

function endWithResponse(span: Span, request: RoutedRequest, response: ServerResponse): void {
  let ended = false;
  // Plain listeners, not once(): each response emits these at most once, and once() would
  // allocate a wrapper per listener per request. 'close' also follows 'finish'; the flag keeps
  // the span from ending twice.
  response.on('finish', () => {
    ended = true;
    finishSpan(span, request, response.statusCode);
  });
  response.on('close', () => {
    if (ended) return;
    ended = true;
    span.setAttribute('error.type', 'connection_closed');
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client closed the connection before the response was sent' });
    span.end();
  });
}

function finishSpan(span: Span, request: RoutedRequest, status: number): void {
  const route = routeOf(request);
  span.setAttribute('http.response.status_code', status);
  if (route) {
    span.setAttribute('http.route', route);
    span.updateName(`${request.method} ${route}`);
  }
  // Server spans fail on 5xx only: a 4xx is the client's mistake, answered correctly.
  if (status >= 500) {
    span.setAttribute('error.type', String(status));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

// Express 5 keeps the matched route on the request; routers here are mounted at the root, and a
// mounted router's prefix is in baseUrl.
function routeOf(request: RoutedRequest): string | undefined {
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : undefined;
}
