import type { AnyValue, KeyValue } from './types';

// Attribute values read as strings, the way Jaeger compares attribute filters (Go's
// pcommon.Value.AsString): arrays and kvlists as JSON of their string forms.

/** An AnyValue as a string; '' for an empty value. */
export function anyValueToString(value: AnyValue | undefined): string {
  if (!value) return '';
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return String(value.boolValue);
  if (value.intValue !== undefined) return String(value.intValue);
  if (value.doubleValue !== undefined) return String(value.doubleValue);
  if (typeof value.bytesValue === 'string') return value.bytesValue;
  if (value.arrayValue) return JSON.stringify((value.arrayValue.values ?? []).map(anyValueToString));
  if (value.kvlistValue) return JSON.stringify(Object.fromEntries(attributesToStrings(value.kvlistValue.values)));
  return '';
}

/** An attribute list as key → string value (a repeated key keeps its last value). */
export function attributesToStrings(attributes: readonly KeyValue[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const kv of attributes ?? []) out.set(kv.key, anyValueToString(kv.value));
  return out;
}
