import type { Operation, StoredSpan, StoredTrace } from './types';

const KIND_NAMES = ['', 'internal', 'server', 'client', 'producer', 'consumer'];

/** Jaeger's name for an OTLP span kind; "" for unspecified. */
export function spanKindName(kind: number): string {
  return KIND_NAMES[kind] ?? '';
}

interface OperationCount extends Operation {
  /** Stored spans with this name and kind; the operation disappears at zero. */
  spans: number;
}

/**
 * service → traces and service → operations. Operations are counted per stored span, so
 * evicting a trace can retire exactly the operations (and services) nothing else still has.
 */
export class ServiceIndex {
  private readonly traces = new Map<string, Set<StoredTrace>>();
  private readonly operations = new Map<string, Map<string, OperationCount>>();

  /** Records spans newly added to a trace under their service; span names are interned here. */
  add(trace: StoredTrace, service: string, spans: StoredSpan[]): void {
    if (!service) return;
    let traces = this.traces.get(service);
    let operations = this.operations.get(service);
    if (!traces || !operations) {
      traces = new Set();
      operations = new Map();
      this.traces.set(service, traces);
      this.operations.set(service, operations);
    }
    traces.add(trace);
    for (const span of spans) {
      const key = `${span.kind}:${span.name}`;
      let operation = operations.get(key);
      if (!operation) {
        operation = { name: span.name, spanKind: spanKindName(span.kind), spans: 0 };
        operations.set(key, operation);
      }
      operation.spans++;
      span.name = operation.name;
    }
  }

  /** Forgets an evicted trace, and every operation and service only it still had. */
  remove(trace: StoredTrace): void {
    for (const group of trace.groups) {
      const service = group.resource.serviceName;
      const operations = this.operations.get(service);
      const traces = this.traces.get(service);
      if (!operations || !traces) continue;
      for (const scope of group.scopes) {
        for (const span of scope.spans) {
          const key = `${span.kind}:${span.name}`;
          const operation = operations.get(key);
          if (operation && --operation.spans === 0) operations.delete(key);
        }
      }
      traces.delete(trace);
      if (traces.size === 0) {
        this.traces.delete(service);
        this.operations.delete(service);
      }
    }
  }

  /** Every service with at least one stored trace, sorted. */
  services(): string[] {
    return [...this.traces.keys()].sort();
  }

  /** The operations of a service (optionally of one span kind), sorted by name. */
  operationsOf(service: string, spanKind?: string): Operation[] {
    const operations = [...(this.operations.get(service)?.values() ?? [])];
    return operations
      .filter((op) => spanKind === undefined || op.spanKind === spanKind)
      .map(({ name, spanKind: kind }) => ({ name, spanKind: kind }))
      .sort((a, b) => (a.name === b.name ? a.spanKind.localeCompare(b.spanKind) : a.name < b.name ? -1 : 1));
  }

  /** The traces holding spans of a service. */
  tracesOf(service: string): ReadonlySet<StoredTrace> | undefined {
    return this.traces.get(service);
  }
}
