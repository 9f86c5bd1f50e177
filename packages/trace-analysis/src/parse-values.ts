import { decodeAttributes, type AttributeValue, type KeyValue } from '@tracecart/otlp';
import { TraceAnalysisError } from './errors';

/** A plain object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/** True for a plain object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or a typed error naming the path. */
export function expectObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw new TraceAnalysisError('invalid_input', 'expected an object', path);
  return value;
}

/** The value as an array (absent means empty, as proto3 JSON omits empty lists). */
export function expectList(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new TraceAnalysisError('invalid_input', 'expected an array', path);
  return value;
}

const HEX_ID = /^[0-9a-fA-F]{1,32}$/;

/** A hex id in lower case; undefined when absent or empty (proto3 omits empty bytes). */
export function parseHexId(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !HEX_ID.test(value)) {
    throw new TraceAnalysisError('invalid_span', `not a hex id: ${JSON.stringify(value)?.slice(0, 40)}`, path);
  }
  return value.toLowerCase();
}

/** Decoded attributes; malformed or absurdly nested values become a typed error, not a crash. */
export function parseAttributes(value: unknown, path: string): Record<string, AttributeValue> {
  let list = expectList(value, path);
  let unsafe = false;
  for (let i = 0; i < list.length; i++) {
    const kv = list[i];
    if (!isObject(kv) || typeof kv.key !== 'string') throw new TraceAnalysisError('invalid_span', 'attribute without a key', `${path}[${i}]`);
    if (kv.key === '__proto__') unsafe = true;
  }
  // Assigning `__proto__` on a plain object would swap its prototype and fake other attributes.
  if (unsafe) list = list.filter((kv) => (kv as KeyValue).key !== '__proto__');
  try {
    return decodeAttributes(list as KeyValue[]);
  } catch (error) {
    // Values nested in non-lists, or nested deep enough to exhaust the stack.
    throw new TraceAnalysisError('invalid_span', `undecodable attribute value (${(error as Error).message})`, path);
  }
}
