import { otlpProtoTypes } from './proto-root';

// What an OTLP receiver answers: ExportTraceServiceResponse on success (with partial_success
// when it kept only some spans), google.rpc.Status on failure, each in JSON or binary protobuf.

/** Spans an export carried but the receiver did not keep, and why. */
export interface PartialSuccess {
  rejectedSpans: number;
  errorMessage: string;
}

/** One invalid field of a refused export (google.rpc.BadRequest.FieldViolation). */
export interface FieldViolation {
  field: string;
  description: string;
}

/** A refused export as google.rpc.Status: a gRPC status code, a message, and the bad field if known. */
export interface ExportFailure {
  code: number;
  message: string;
  fieldViolations?: FieldViolation[];
}

const BAD_REQUEST_TYPE_URL = 'type.googleapis.com/google.rpc.BadRequest';

/** ExportTraceServiceResponse in OTLP/JSON; a full success has an empty partialSuccess, like the collector's. */
export function exportResponseJson(partial?: PartialSuccess): object {
  if (!partial) return { partialSuccess: {} };
  return { partialSuccess: { rejectedSpans: String(partial.rejectedSpans), errorMessage: partial.errorMessage } };
}

/** ExportTraceServiceResponse in binary protobuf (empty bytes for a full success). */
export function exportResponseProtobuf(partial?: PartialSuccess): Uint8Array {
  const { exportResponse } = otlpProtoTypes();
  return exportResponse.encode(exportResponse.fromObject(partial ? { partialSuccess: partial } : {})).finish();
}

/** google.rpc.Status in proto3 JSON, with a BadRequest detail when fields are named. */
export function statusJson(failure: ExportFailure): object {
  const details = failure.fieldViolations?.length ? [{ '@type': BAD_REQUEST_TYPE_URL, fieldViolations: failure.fieldViolations }] : [];
  return { code: failure.code, message: failure.message, details };
}

/** google.rpc.Status in binary protobuf, with a BadRequest detail when fields are named. */
export function statusProtobuf(failure: ExportFailure): Uint8Array {
  const { status, badRequest } = otlpProtoTypes();
  // protobufjs' bundled google.protobuf.Any keeps the proto field name, type_url.
  const details = failure.fieldViolations?.length
    ? [{ type_url: BAD_REQUEST_TYPE_URL, value: badRequest.encode(badRequest.fromObject({ fieldViolations: failure.fieldViolations })).finish() }]
    : [];
  return status.encode(status.fromObject({ code: failure.code, message: failure.message, details })).finish();
}

interface StatusMessage {
  code?: number;
  message?: string;
  details?: Array<{ type_url?: string; value?: Uint8Array }>;
}

/** Reads a binary google.rpc.Status (a client reading a refusal), with its BadRequest field violations. */
export function decodeStatusProtobuf(bytes: Uint8Array): ExportFailure {
  const { status, badRequest } = otlpProtoTypes();
  const message = status.toObject(status.decode(bytes)) as StatusMessage;
  const violations = (message.details ?? [])
    .filter((detail) => detail.type_url === BAD_REQUEST_TYPE_URL && detail.value)
    .flatMap((detail) => (badRequest.toObject(badRequest.decode(detail.value as Uint8Array)).fieldViolations ?? []) as FieldViolation[]);
  return { code: message.code ?? 0, message: message.message ?? '', fieldViolations: violations.length > 0 ? violations : undefined };
}

/** Reads a binary ExportTraceServiceResponse: its partial success, or undefined for a full one. */
export function decodeExportResponseProtobuf(bytes: Uint8Array): PartialSuccess | undefined {
  const { exportResponse } = otlpProtoTypes();
  const message = exportResponse.toObject(exportResponse.decode(bytes), { longs: Number }) as { partialSuccess?: Partial<PartialSuccess> };
  if (!message.partialSuccess) return undefined;
  return { rejectedSpans: message.partialSuccess.rejectedSpans ?? 0, errorMessage: message.partialSuccess.errorMessage ?? '' };
}
