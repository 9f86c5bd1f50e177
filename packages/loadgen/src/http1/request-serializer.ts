import { withSyntheticBaggage } from '../baggage';
import type { LoadRequest } from '../types';

/** A request the client refuses to put on the wire (bad path, header or header value). */
export class InvalidRequestError extends Error {
  /** The outcome code requests refused this way carry. */
  readonly code = 'invalid_request';
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Header values may not break the line; the path may not hold spaces or controls.
const UNSAFE_VALUE = /[\r\n\0]/;
const PATH = /^\/[\x21-\x7e]*$/;
// Framing headers are the client's job; a factory setting them would corrupt the connection.
const RESERVED = new Set(['connection', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect', 'content-length']);
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Turns LoadRequests into HTTP/1.1 request text: everything but the body and its length is
 * built once per (frozen headers, method, path) and reused, so the usual request costs one
 * string concatenation. Every request carries the synthetic baggage.
 */
export class RequestSerializer {
  private lastHeaders: Record<string, string> | undefined;
  private lastMethod = '';
  private lastPath = '';
  private lastPrefix = '';

  constructor(private readonly hostHeader: string) {}

  /** The request's bytes as a string to write as UTF-8; throws InvalidRequestError. */
  serialize(request: LoadRequest): string {
    const prefix = this.prefixFor(request);
    const body = request.body;
    if (body === undefined || body.length === 0) {
      return METHODS_WITH_BODY.has(request.method) ? `${prefix}content-length: 0\r\n\r\n` : `${prefix}\r\n`;
    }
    return `${prefix}content-length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
  }

  private prefixFor(request: LoadRequest): string {
    const headers = request.headers;
    // Only frozen headers are remembered, so the same object again needs no isFrozen check.
    if (headers === this.lastHeaders && request.method === this.lastMethod && request.path === this.lastPath && this.lastPrefix !== '') {
      return this.lastPrefix;
    }
    const frozen = headers === undefined || Object.isFrozen(headers);
    const prefix = buildPrefix(request, this.hostHeader);
    if (frozen) {
      this.lastHeaders = headers;
      this.lastMethod = request.method;
      this.lastPath = request.path;
      this.lastPrefix = prefix;
    }
    return prefix;
  }
}

function buildPrefix(request: LoadRequest, hostHeader: string): string {
  if (!TOKEN.test(request.method)) throw new InvalidRequestError(`invalid method ${JSON.stringify(request.method)}`);
  if (!PATH.test(request.path)) throw new InvalidRequestError(`invalid request path ${JSON.stringify(request.path)}`);
  let lines = '';
  let hasHost = false;
  for (const [name, value] of Object.entries(withSyntheticBaggage(request.headers))) {
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) throw new InvalidRequestError(`invalid header name ${JSON.stringify(name)}`);
    if (typeof value !== 'string' || UNSAFE_VALUE.test(value)) throw new InvalidRequestError(`invalid value for header ${name}`);
    if (RESERVED.has(lower)) throw new InvalidRequestError(`header ${name} is set by the client`);
    if (lower === 'host') hasHost = true;
    lines += `${name}: ${value}\r\n`;
  }
  const requestLine = `${request.method} ${request.path} HTTP/1.1\r\n`;
  return hasHost ? requestLine + lines : `${requestLine}host: ${hostHeader}\r\n${lines}`;
}
