import { decodeTracesJson, formatFieldPath, isJsonObject, OtlpDecodeError, serviceNameOf, type DecodedTraces, type FieldPathSegment } from '@tracecart/otlp';
import { TraceAnalysisError } from './errors';
import { toTraceSpan } from './parse-span';
import type { TimeBase } from './parse-time';
import type { TraceSpan } from './types';

const UNKNOWN_SERVICE = 'unknown_service';

/** Every span of the input, unlinked, with times relative to `baseSeconds`. */
export interface CollectedSpans {
  spans: TraceSpan[];
  baseSeconds: number;
}

function joinPath(prefix: string, segments: readonly FieldPathSegment[]): string {
  if (segments.length === 0) return prefix;
  return `${prefix}${typeof segments[0] === 'number' ? '' : '.'}${formatFieldPath(segments)}`;
}

// The analysis' error codes over the shared decoder: anything wrong inside a span is invalid_span,
// except a list of the wrong type (invalid_input, like the structure around spans); a bad
// attribute is reported at its attribute, a bad attribute value at its attribute list.
function toAnalysisError(error: unknown, prefix: string): unknown {
  if (!(error instanceof OtlpDecodeError)) return error;
  const path = error.path;
  const attribute = path.findIndex((segment, i) => segment === 'attributes' && typeof path[i + 1] === 'number');
  if (attribute >= 0 && path[attribute + 2] === 'value') {
    return new TraceAnalysisError('invalid_span', `undecodable attribute value (${error.problem})`, joinPath(prefix, path.slice(0, attribute + 1)));
  }
  if (attribute >= 0) return new TraceAnalysisError('invalid_span', 'attribute without a string key', joinPath(prefix, path.slice(0, attribute + 2)));
  const inSpan = path.some((segment, i) => segment === 'spans' && typeof path[i + 1] === 'number');
  return new TraceAnalysisError(inSpan && error.expected !== 'array' ? 'invalid_span' : 'invalid_input', error.problem, joinPath(prefix, path));
}

function collectTracesData(raw: unknown, path: string, out: TraceSpan[], base: TimeBase): void {
  // Jaeger's /api/v3 wraps TracesData in `{result: ...}`; both shapes are accepted.
  const enveloped = isJsonObject(raw) && raw.resourceSpans === undefined && raw.result !== undefined;
  const dataPath = enveloped ? `${path}.result` : path;
  let data: DecodedTraces;
  try {
    data = decodeTracesJson(enveloped ? raw.result : raw, { ids: 'hex' });
  } catch (error) {
    throw toAnalysisError(error, dataPath);
  }
  data.resourceSpans.forEach((resourceSpans, r) => {
    const service = serviceNameOf(resourceSpans.resource.attributes) || UNKNOWN_SERVICE;
    resourceSpans.scopeSpans.forEach((scopeSpans, s) => {
      const spansPath = `${dataPath}.resourceSpans[${r}].scopeSpans[${s}].spans`;
      scopeSpans.spans.forEach((span, i) => out.push(toTraceSpan(span, service, base, `${spansPath}[${i}]`)));
    });
  });
}

/**
 * Validates and flattens input: a TracesData, Jaeger's `{result: TracesData}`, or an array of
 * either. Throws TraceAnalysisError on anything it cannot trust.
 */
export function collectSpans(input: unknown): CollectedSpans {
  const spans: TraceSpan[] = [];
  const base: TimeBase = { seconds: undefined };
  if (Array.isArray(input)) input.forEach((item, i) => collectTracesData(item, `$[${i}]`, spans, base));
  else collectTracesData(input, '$', spans, base);
  return { spans, baseSeconds: base.seconds ?? 0 };
}
