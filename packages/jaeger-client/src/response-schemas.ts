import { z } from 'zod';

// Jaeger marshals with proto3 JSON rules: zero values and empty strings are left out, and
// 64-bit integers are strings. The schemas put the zeros back so callers see every field.

const int64 = z.union([z.string(), z.number()]).transform(String);

/** GET /api/v3/services */
export const servicesResponse = z.object({ services: z.array(z.string()).default([]) });

/** GET /api/v3/operations */
export const operationsResponse = z.object({
  operations: z.array(z.object({ name: z.string().default(''), spanKind: z.string().default('') })).default([]),
});

const serviceSummary = z.object({
  name: z.string().default(''),
  spanCount: z.number().int().default(0),
  errorSpanCount: z.number().int().default(0),
});

/** GET /api/v3/trace-summaries */
export const summariesResponse = z.object({
  summaries: z
    .array(
      z.object({
        traceId: z.string(),
        rootServiceName: z.string().default(''),
        rootOperationName: z.string().default(''),
        minStartTimeUnixNano: int64.default('0'),
        maxEndTimeUnixNano: int64.default('0'),
        spanCount: z.number().int().default(0),
        errorSpanCount: z.number().int().default(0),
        orphanSpanCount: z.number().int().default(0),
        services: z.array(serviceSummary).default([]),
      }),
    )
    .default([]),
});

// Only what splitting by trace needs is checked; every other OTLP field passes through as sent.
const span = z.looseObject({ traceId: z.string(), spanId: z.string() });
const scopeSpans = z.looseObject({ spans: z.array(span).optional() });
const resourceSpans = z.looseObject({ scopeSpans: z.array(scopeSpans).optional() });

/** GET /api/v3/traces and /api/v3/traces/{id}: OTLP TracesData wrapped in `result`. */
export const tracesResponse = z.object({ result: z.looseObject({ resourceSpans: z.array(resourceSpans).default([]) }) });

/** Jaeger's error body: {"error": {"httpCode": 404, "message": "No traces found"}}. */
export const gatewayError = z.object({
  error: z.looseObject({ httpCode: z.number().optional(), message: z.string().default('') }),
});
