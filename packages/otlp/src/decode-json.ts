import type { z } from 'zod';
import { OtlpDecodeError } from './decode-error';
import type { DecodedTraces } from './model';
import type { IdEncoding } from './schema-ids';
import { tracesDataSchema } from './schema-traces';

/** Options of decodeTracesJson. */
export interface DecodeJsonOptions {
  /** How ids may be written (default `otlp`: exact-length hex, or base64). */
  ids?: IdEncoding;
}

function toDecodeError(issue: z.core.$ZodIssue): OtlpDecodeError {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const expected = issue.code === 'invalid_type' ? issue.expected : undefined;
  return new OtlpDecodeError(path, issue.message, expected);
}

/**
 * Decodes an already-parsed OTLP/JSON TracesData or ExportTraceServiceRequest. Throws
 * OtlpDecodeError naming the first field that is not valid OTLP/JSON.
 */
export function decodeTracesJson(value: unknown, options: DecodeJsonOptions = {}): DecodedTraces {
  const result = tracesDataSchema(options.ids).safeParse(value);
  if (!result.success) throw toDecodeError(result.error.issues[0]);
  return result.data;
}
