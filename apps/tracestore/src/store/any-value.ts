import { isObject } from './json-object';

// OTLP attribute values as the store handles them: 64-bit integers normalized to strings (as
// Jaeger returns them) and every value readable as a string for attribute filters.


/** Rewrites numeric intValues as strings, in place, through arrays and kvlists. */
export function normalizeAnyValue(value: unknown): void {
  if (!isObject(value)) return;
  if (typeof value.intValue === 'number') value.intValue = String(Math.trunc(value.intValue));
  const nested = (isObject(value.arrayValue) && value.arrayValue.values) || (isObject(value.kvlistValue) && value.kvlistValue.values);
  if (!Array.isArray(nested)) return;
  for (const item of nested) normalizeAnyValue(isObject(item) && 'key' in item ? item.value : item);
}

/** Reads an AnyValue as a string, the way Jaeger compares attribute filters (Go's Value.AsString). */
export function anyValueToString(value: unknown): string {
  if (!isObject(value)) return '';
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return String(value.boolValue);
  if (value.intValue !== undefined) return String(value.intValue);
  if (typeof value.doubleValue === 'number') return String(value.doubleValue);
  if (typeof value.bytesValue === 'string') return value.bytesValue;
  if (isObject(value.arrayValue)) return JSON.stringify(((value.arrayValue.values as unknown[]) ?? []).map(anyValueToString));
  if (isObject(value.kvlistValue)) return JSON.stringify(Object.fromEntries(attributesToStrings(value.kvlistValue.values)));
  return '';
}

/** Turns an OTLP attribute list into key → string value (a repeated key keeps its last value). */
export function attributesToStrings(attributes: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(attributes)) return out;
  for (const kv of attributes) {
    if (isObject(kv) && typeof kv.key === 'string') out.set(kv.key, anyValueToString(kv.value));
  }
  return out;
}
