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
  const match = HOST_HEADER.exec(hostHeader);
  if (!match) return { host: hostHeader, port: fallbackPort };
  return { host: stripBrackets(match[1]), port: match[2] ? Number(match[2]) : fallbackPort };
}

const HOST_HEADER = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/;

// server.address holds an IPv6 address without the brackets the Host header needs.
function stripBrackets(name: string): string {
  return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
}
