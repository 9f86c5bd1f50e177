// Builds OTLP JSON traces from short, readable span specs. Span labels (up to 8 chars) become
// 16-hex-digit ids so assertions can name spans instead of hex.
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { encodeAnyValue, type AttributeValue, type OtlpSpan, type ResourceSpans, type TracesData } from '@tracecart/otlp';

/** One span, times in ms from the trace start. */
export interface SpanSpec {
  id: string;
  parent?: string;
  name?: string;
  service?: string;
  start: number;
  end: number;
  kind?: number;
  attributes?: Record<string, AttributeValue>;
  events?: Array<{ name: string; attributes?: Record<string, AttributeValue> }>;
  error?: boolean;
  traceId?: string;
  /** Labels of spans (in the same trace) this one links to. */
  links?: string[];
}

/** The trace id specs get unless they name one. */
export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const BASE_NS = 1_700_000_000_000_000_000n;

/** The hex span id of a label. */
export function idOf(label: string): string {
  return Buffer.from(label, 'utf8').toString('hex').padStart(16, '0').slice(-16);
}

/** The label of a hex span id made by idOf. */
export function labelOf(hex: string): string {
  return Buffer.from(hex.replace(/^(00)+/, ''), 'hex').toString('utf8');
}

function toAttributes(values: Record<string, AttributeValue> | undefined) {
  return Object.entries(values ?? {}).map(([key, value]) => ({ key, value: encodeAnyValue(value) }));
}

function toUnixNano(ms: number): string {
  return (BASE_NS + BigInt(Math.round(ms * 1e6))).toString();
}

function toOtlpSpan(spec: SpanSpec): OtlpSpan {
  return {
    traceId: spec.traceId ?? TRACE_ID,
    spanId: idOf(spec.id),
    ...(spec.parent ? { parentSpanId: idOf(spec.parent) } : {}),
    name: spec.name ?? spec.id,
    kind: spec.kind ?? 1,
    startTimeUnixNano: toUnixNano(spec.start),
    endTimeUnixNano: toUnixNano(spec.end),
    attributes: toAttributes(spec.attributes),
    events: (spec.events ?? []).map((e) => ({ name: e.name, timeUnixNano: toUnixNano(spec.start), attributes: toAttributes(e.attributes) })),
    ...(spec.links?.length ? { links: spec.links.map((label) => ({ traceId: spec.traceId ?? TRACE_ID, spanId: idOf(label) })) } : {}),
    ...(spec.error ? { status: { code: 2 } } : {}),
  };
}

/** OTLP TracesData with one resourceSpans per service, as an exporter would send it. */
export function toTracesData(specs: SpanSpec[]): TracesData {
  const byService = new Map<string, OtlpSpan[]>();
  for (const spec of specs) {
    const service = spec.service ?? 'svc';
    const spans = byService.get(service);
    if (spans) spans.push(toOtlpSpan(spec));
    else byService.set(service, [toOtlpSpan(spec)]);
  }
  const resourceSpans: ResourceSpans[] = [...byService].map(([service, spans]) => ({
    resource: { attributes: [{ key: ATTR_SERVICE_NAME, value: { stringValue: service } }] },
    scopeSpans: [{ scope: { name: 'test' }, spans }],
  }));
  return { resourceSpans };
}

/**
 * Adds a link from span `fromLabel` to span `toLabel` of trace `toTraceId`, as OTLP carries it:
 * the spec builder links within a trace only, and a consumer links to its producer's trace.
 */
export function withCrossTraceLink(data: TracesData, fromLabel: string, toTraceId: string, toLabel: string): TracesData {
  for (const rs of data.resourceSpans ?? []) {
    for (const ss of rs.scopeSpans ?? []) {
      for (const span of ss.spans ?? []) if (span.spanId === idOf(fromLabel)) span.links = [...(span.links ?? []), { traceId: toTraceId, spanId: idOf(toLabel) }];
    }
  }
  return data;
}
