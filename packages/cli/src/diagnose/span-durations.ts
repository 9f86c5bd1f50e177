import { normalizeStatementCached, type TraceSpan, type TraceTree } from '@tracecart/trace-analysis';
import type { BaselineKey } from './baseline-source';

// The keys trace-analysis and the trace store read a statement from: current convention first, then the legacy one.
const STATEMENT_KEYS = ['db.query.text', 'db.statement'];

/** The span's baseline key: service, span name and normalized statement, as the trace store keys it. */
export function baselineKeyOf(span: TraceSpan): BaselineKey {
  let statement: string | undefined;
  for (const key of STATEMENT_KEYS) {
    const text = span.attributes[key];
    if (typeof text === 'string' && text !== '') {
      statement = normalizeStatementCached(text);
      break;
    }
  }
  return { service: span.service, operation: span.name, statement };
}

/** One string per key, for maps. */
export function baselineKeyId(key: BaselineKey): string {
  return `${key.service}\u0000${key.operation}\u0000${key.statement ?? ''}`;
}

/** A span's duration in milliseconds. */
export function spanDurationMs(span: TraceSpan): number {
  return (span.endNs - span.startNs) / 1e6;
}

/** Every duration (ms) of each key in the trees, optionally of one service only. */
export function durationsByKey(trees: TraceTree[], service?: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const tree of trees) {
    for (const span of tree.spans) {
      if (service !== undefined && span.service !== service) continue;
      const id = baselineKeyId(baselineKeyOf(span));
      const list = out.get(id) ?? [];
      list.push(spanDurationMs(span));
      out.set(id, list);
    }
  }
  return out;
}
