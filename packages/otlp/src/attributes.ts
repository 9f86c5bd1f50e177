import type { AnyValue, KeyValue } from './types';

/** A decoded attribute value. */
export type AttributeValue = string | number | boolean | AttributeValue[] | { [key: string]: AttributeValue } | null;

/** Turns an OTLP AnyValue into a plain JS value (int64 strings become numbers). */
export function decodeAnyValue(value: AnyValue | undefined): AttributeValue {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return Number(value.doubleValue);
  if (value.bytesValue !== undefined) return value.bytesValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(decodeAnyValue);
  if (value.kvlistValue) return decodeAttributes(value.kvlistValue.values);
  return null;
}

/** Turns an OTLP attribute list into a plain object; a repeated key keeps its last value. */
export function decodeAttributes(attributes: KeyValue[] | undefined): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  // defineProperty, not assignment: a key named "__proto__" must stay a plain attribute.
  for (const kv of attributes ?? []) {
    Object.defineProperty(out, kv.key, { value: decodeAnyValue(kv.value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Finds one attribute by key and decodes it; undefined when absent. */
export function findAttribute(attributes: KeyValue[] | undefined, key: string): AttributeValue | undefined {
  const kv = attributes?.find((a) => a.key === key);
  return kv ? decodeAnyValue(kv.value) : undefined;
}

/** Encodes a plain JS value as an OTLP AnyValue (integers as int64 strings). */
export function encodeAnyValue(value: AttributeValue): AnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(encodeAnyValue) } };
  if (value === null) return {};
  return { kvlistValue: { values: Object.entries(value).map(([key, v]) => ({ key, value: encodeAnyValue(v) })) } };
}
