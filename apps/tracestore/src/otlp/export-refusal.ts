import { status as GrpcStatus } from '@grpc/grpc-js';
import { HttpError } from '@tracecart/http-kit';
import { OtlpDecodeError, type ExportFailure } from '@tracecart/otlp';

/** A refused export: its HTTP status and error code, its gRPC status, and the bad field when known. */
export class ExportRefusal extends HttpError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly grpcCode: GrpcStatus,
    readonly field?: string,
  ) {
    super(status, code, message);
    this.name = 'ExportRefusal';
  }
}

/** The refusal of a payload that is not a valid trace export (HTTP 400, gRPC INVALID_ARGUMENT). */
export function invalidExport(message: string, field?: string): ExportRefusal {
  return new ExportRefusal(400, 'invalid_request', message, GrpcStatus.INVALID_ARGUMENT, field);
}

// express.raw() marks what went wrong reading the body (too large, corrupt gzip, aborted) with
// a 4xx status; anything else unexpected is an internal error.
function fromBodyReadError(error: { status?: number; message?: string }): ExportRefusal {
  const status = error.status ?? 500;
  if (status === 413) return new ExportRefusal(413, 'payload_too_large', 'request body is larger than MAX_PAYLOAD_BYTES', GrpcStatus.RESOURCE_EXHAUSTED);
  if (status >= 400 && status < 500) {
    const code = status === 415 ? 'unsupported_media_type' : 'invalid_request';
    return new ExportRefusal(status, code, `request body could not be read: ${error.message ?? 'unknown error'}`, GrpcStatus.INVALID_ARGUMENT);
  }
  return new ExportRefusal(500, 'internal_error', 'internal error', GrpcStatus.INTERNAL);
}

/** Whatever stopped an export, as an ExportRefusal. */
export function refusalOf(error: unknown): ExportRefusal {
  if (error instanceof ExportRefusal) return error;
  if (error instanceof OtlpDecodeError) return invalidExport(error.message, error.field || undefined);
  return fromBodyReadError(error as { status?: number; message?: string });
}

/** The google.rpc.Status of a refusal, with a BadRequest field violation when the field is known. */
export function toExportFailure(refusal: ExportRefusal): ExportFailure {
  const fieldViolations = refusal.field ? [{ field: refusal.field, description: refusal.message }] : undefined;
  return { code: refusal.grpcCode, message: refusal.message, fieldViolations };
}
