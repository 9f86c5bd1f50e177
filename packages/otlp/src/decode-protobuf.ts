import { OtlpDecodeError } from './decode-error';
import { decodeTracesJson } from './decode-json';
import type { DecodedTraces } from './model';
import { otlpProtoTypes } from './proto-root';

// protobufjs' plain-object form is proto3 JSON apart from ids, which come out as base64 (the
// standard mapping), so one schema validates both encodings into the same model.
const AS_JSON = { longs: String, enums: Number, bytes: String } as const;

/**
 * Decodes a binary protobuf ExportTraceServiceRequest (an `application/x-protobuf` body or a
 * gRPC message). Throws OtlpDecodeError for bytes that are not one, or hold invalid values.
 */
export function decodeTracesProtobuf(bytes: Uint8Array): DecodedTraces {
  const { exportRequest } = otlpProtoTypes();
  let plain: Record<string, unknown>;
  try {
    plain = exportRequest.toObject(exportRequest.decode(bytes), AS_JSON);
  } catch (error) {
    // Truncated input, a wrong wire type, or nesting deep enough to exhaust the stack.
    throw new OtlpDecodeError([], `not a protobuf ExportTraceServiceRequest: ${(error as Error).message}`);
  }
  return decodeTracesJson(plain);
}
