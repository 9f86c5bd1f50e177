import type { Span } from '@opentelemetry/api';
import { EVIDENCE } from '@tracecart/contracts';

// Reads whose answer says whether the key was there: one value, or one per key.
const SINGLE_READS = new Set(['get', 'getex', 'hget', 'json.get']);
const MULTI_READS = new Set(['mget', 'hmget']);

/**
 * The ioredis response hook: `db.response.returned_rows` on cache reads, the values found (0 or
 * 1 for GET; the non-nil answers of MGET). It is what shows a cache miss in the trace, with no
 * attribute of the application's own: a GET that returned nothing, followed by the database
 * read it was meant to save.
 */
export function recordRedisReturnedRows(span: Span, command: string, _args: unknown, response: unknown): void {
  const name = command.toLowerCase();
  if (SINGLE_READS.has(name)) span.setAttribute(EVIDENCE.ATTR_RETURNED_ROWS, response === null || response === undefined ? 0 : 1);
  else if (MULTI_READS.has(name) && Array.isArray(response)) span.setAttribute(EVIDENCE.ATTR_RETURNED_ROWS, response.filter((v) => v !== null && v !== undefined).length);
}
