import type { DecodedAnyValue, DecodedKeyValue, DecodedTraces } from './model';
import { otlpProtoTypes } from './proto-root';

// The decoded model back to binary protobuf, through protobufjs' fromObject: ids go from hex to
// bytes, nanosecond bigints to decimal strings, non-finite doubles to numbers.

const idBytes = (hex: string) => Buffer.from(hex, 'hex');

function plainValue(value: DecodedAnyValue): object {
  if (value.doubleValue !== undefined) return { doubleValue: Number(value.doubleValue) };
  if (value.arrayValue) return { arrayValue: { values: value.arrayValue.values.map(plainValue) } };
  if (value.kvlistValue) return { kvlistValue: { values: plainAttributes(value.kvlistValue.values) } };
  return value;
}

function plainAttributes(attributes: DecodedKeyValue[]): object[] {
  return attributes.map((kv) => ({ key: kv.key, value: plainValue(kv.value) }));
}

// One pass over the whole message: ids, 64-bit times and attribute lists are rewritten wherever they are.
function toPlain(value: unknown, key = ''): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' && /^(traceId|spanId|parentSpanId)$/.test(key)) return idBytes(value);
  if (key === 'attributes') return plainAttributes(value as DecodedKeyValue[]);
  if (Array.isArray(value)) return value.map((item) => toPlain(item));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v, k)]));
}

/** Encodes decoded traces as a binary ExportTraceServiceRequest (what an OTLP/HTTP protobuf or gRPC client sends). */
export function encodeTracesProtobuf(data: DecodedTraces): Uint8Array {
  const { exportRequest } = otlpProtoTypes();
  return exportRequest.encode(exportRequest.fromObject(toPlain(data) as object)).finish();
}
