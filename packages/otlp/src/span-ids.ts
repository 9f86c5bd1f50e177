import type { DecodedSpan } from './model';

/** True for an id that identifies something: not empty and not all zeros (the spec's invalid id). */
export function isValidId(id: string): boolean {
  return id !== '' && !/^0+$/.test(id);
}

/**
 * The id field that makes a decoded span unusable ('traceId' or 'spanId': empty or all zeros),
 * or undefined. Such spans decode fine (proto3 allows empty bytes) but identify nothing.
 */
export function findInvalidSpanId(span: Pick<DecodedSpan, 'traceId' | 'spanId'>): 'traceId' | 'spanId' | undefined {
  if (!isValidId(span.traceId)) return 'traceId';
  if (!isValidId(span.spanId)) return 'spanId';
  return undefined;
}
