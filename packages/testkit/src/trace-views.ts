import { LAB_NAMESPACE } from '@tracecart/contracts';
import { decodeAttributes, serviceNameOf, type TracesData } from '@tracecart/otlp';
import type { ReceivedSpan } from './otlp-receiver';

/** Every span of an OTLP trace with its service and decoded attributes, as a receiver sees them. */
export function receivedSpansOf(trace: TracesData): ReceivedSpan[] {
  return (trace.resourceSpans ?? []).flatMap((rs) =>
    (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((span) => ({ service: serviceNameOf(rs.resource?.attributes), span, attributes: decodeAttributes(span.attributes) })),
    ),
  );
}

// The lab's own names all start with `lab.` (lab.fix.*, lab.problem.*, lab.cache.*); the bare
// switch names (`problem.pool`) never appear on spans, but are refused here too.
const isGeneric = (key: string) => !key.startsWith(LAB_NAMESPACE) && !key.startsWith('problem.') && !key.startsWith('fix.');

/**
 * The trace without anything the lab wrote about itself, on spans, events and links: what any
 * service's trace would show. A diagnosis that still finds its cause here found it from evidence.
 */
export function withoutLabNames(trace: TracesData): TracesData {
  return {
    resourceSpans: (trace.resourceSpans ?? []).map((rs) => ({
      ...rs,
      scopeSpans: (rs.scopeSpans ?? []).map((ss) => ({
        ...ss,
        spans: (ss.spans ?? []).map((span) => ({
          ...span,
          attributes: (span.attributes ?? []).filter((a) => isGeneric(a.key)),
          events: (span.events ?? []).filter((e) => isGeneric(e.name)).map((e) => ({ ...e, attributes: (e.attributes ?? []).filter((a) => isGeneric(a.key)) })),
          links: (span.links ?? []).map((l) => ({ ...l, attributes: (l.attributes ?? []).filter((a) => isGeneric(a.key)) })),
        })),
      })),
    })),
  };
}
