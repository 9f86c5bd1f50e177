import http, { type IncomingHttpHeaders } from 'node:http';
import { HttpError, isErrorBody } from './http-error';

/** One call to another tracecart service. */
export interface DownstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Give up after this long; the caller then sees 503 dependency_unavailable. */
  timeoutMs: number;
}

/** A JSON response from a downstream service. */
export interface DownstreamResponse<T> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
}

// Keep-alive: the checkout path makes many small calls; new sockets would dominate the latency.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function unavailable(service: string, why: string): HttpError {
  return new HttpError(503, 'dependency_unavailable', `${service} is unavailable: ${why}`);
}

/**
 * Calls a downstream service over node:http; the HTTP instrumentation makes its CLIENT span and
 * sends the trace context. Non-2xx answers come back as the same HttpError the service sent.
 */
export function callDownstream<T>(service: string, baseUrl: string, request: DownstreamRequest): Promise<DownstreamResponse<T>> {
  const url = new URL(request.path, baseUrl);
  const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: request.method,
      agent,
      headers: {
        accept: 'application/json',
        ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        ...request.headers,
      },
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)), request.timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(unavailable(service, error.message));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => req.destroy(error));
      res.on('end', () => {
        clearTimeout(timer);
        settleResponse<T>(service, res.statusCode ?? 0, res.headers, Buffer.concat(chunks), resolve, reject);
      });
    });
    req.end(payload);
  });
}

function settleResponse<T>(
  service: string,
  status: number,
  headers: IncomingHttpHeaders,
  raw: Buffer,
  resolve: (value: DownstreamResponse<T>) => void,
  reject: (error: HttpError) => void,
): void {
  let body: unknown;
  try {
    body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
  } catch {
    reject(unavailable(service, `answered ${status} with a body that is not JSON`));
    return;
  }
  if (status >= 200 && status < 300) {
    resolve({ status, headers, body: body as T });
  } else if (isErrorBody(body)) {
    reject(new HttpError(status, body.error.code, body.error.message));
  } else {
    reject(unavailable(service, `answered ${status}`));
  }
}
