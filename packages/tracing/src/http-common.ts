import type { IncomingHttpHeaders } from 'node:http';
import type { TextMapGetter } from '@opentelemetry/api';

/** The instrumentation scope of tracecart's own HTTP spans. */
export const TRACER_SCOPE = '@tracecart/tracing/http';

/** Reads W3C trace-context and baggage headers from node's lower-cased header object. */
export const headerGetter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

/** Splits a Host header ("name:port", "[v6]:port") into server.address and server.port. */
export function hostAndPort(hostHeader: string | undefined, fallbackPort: number | undefined): { host?: string; port?: number } {
  if (!hostHeader) return { port: fallbackPort };
  // Runs for every request: index arithmetic, no regular expression.
  const bracketEnd = hostHeader.startsWith('[') ? hostHeader.indexOf(']') : -1;
  const colon = hostHeader.indexOf(':', bracketEnd + 1);
  if (colon === -1 || (bracketEnd === -1 && hostHeader.indexOf(':', colon + 1) !== -1)) {
    return { host: bracketEnd > 0 ? hostHeader.slice(1, bracketEnd) : hostHeader, port: fallbackPort };
  }
  const port = Number(hostHeader.slice(colon + 1));
  const host = bracketEnd > 0 ? hostHeader.slice(1, bracketEnd) : hostHeader.slice(0, colon);
  return { host, port: Number.isInteger(port) && port > 0 && port < 65536 ? port : fallbackPort };
}
