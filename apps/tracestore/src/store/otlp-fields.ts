import { normalizeAnyValue } from './any-value';
import { isObject, type JsonObject } from './json-object';

/** A request body that is JSON but not shaped like OTLP TracesData; the message names the field. */
export class InvalidTracesError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'InvalidTracesError';
  }

  /** The same error, located inside an enclosing field (paths are built only when something fails). */
  within(prefix: string): InvalidTracesError {
    return new InvalidTracesError(this.path ? `${prefix}.${this.path}` : prefix, this.problem);
  }
}

/** A count or flag as proto3 JSON writes it: left out when zero. */
export function omitZero(n: number): number | undefined {
  return n > 0 ? n : undefined;
}

/** A string as proto3 JSON writes it: left out when empty. */
export function omitEmpty(s: string): string | undefined {
  return s === '' ? undefined : s;
}

/** An object field that may be absent; anything else is an error. */
export function readObject(value: unknown, path: string): JsonObject {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new InvalidTracesError(path, 'must be an object');
  return value;
}

/** An array field that may be absent (proto3 JSON leaves empty lists out). */
export function readArray(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InvalidTracesError(path, 'must be an array');
  return value;
}

/** A string field that may be absent. */
export function readString(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new InvalidTracesError(path, 'must be a string');
  return value;
}

/** A non-negative integer field (counts, flags, kind, status code) that may be absent. */
export function readUint(value: unknown, path: string, max = 0xffffffff): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new InvalidTracesError(path, `must be an integer from 0 to ${max}`);
  }
  return value;
}

const DIGITS = /^\d{1,20}$/;

/** A uint64 nanosecond time, sent as a decimal string or a number; absent is 0. */
export function readNanos(value: unknown, path: string): bigint {
  if (value === undefined || value === null) return 0n;
  if (typeof value === 'string' && DIGITS.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return BigInt(Math.trunc(value));
  throw new InvalidTracesError(path, 'must be a non-negative integer (decimal string or number)');
}

const HEX = /^[0-9a-f]*$/i;

/** A hex id of the given length (OTLP JSON ids are hex); lower-cased. All zeros is invalid. */
export function readHexId(value: unknown, length: number, path: string): string {
  if (typeof value !== 'string' || value.length !== length || !HEX.test(value) || /^0+$/.test(value)) {
    throw new InvalidTracesError(path, `must be ${length} hex characters, not all zero`);
  }
  return value.toLowerCase();
}

/** An attribute list: each item needs a string key; int64 values become strings, in place. */
export function readAttributes(value: unknown, path: string): unknown[] | undefined {
  const list = readArray(value, path);
  for (let i = 0; i < list.length; i++) {
    const kv = list[i];
    if (!isObject(kv) || typeof kv.key !== 'string') throw new InvalidTracesError(`${path}[${i}]`, 'must be an object with a string key');
    normalizeAnyValue(kv.value);
  }
  return list.length > 0 ? list : undefined;
}
