import { context, trace, type Span } from '@opentelemetry/api';
import { hrTimeDuration, hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_CONNECTION_WAIT_TIME } from './query-plan/wait-names';

const POOL_CONNECT_SPAN = 'pg-pool.connect';
// A caller that checks clients out and never queries under the same span must not grow a list.
const MAX_PENDING = 16;

/**
 * `db.client.connection.wait_time` on a query span, from the `pg-pool.connect` span that got
 * its connection: pg-pool calls back with the client as that span ends, under the caller's
 * span, and the query starts in that callback; so the caller's most recently ended connect
 * span is the one. The connect span stays the evidence; this puts its length on the query.
 */
export class PoolWaits {
  private readonly connects = new WeakMap<Span, Span[]>();

  /** The pg connection hook: remembers a pool connect span under the caller's span. */
  onConnect(span: Span): void {
    const parent = trace.getSpan(context.active());
    if (!parent || (span as unknown as ReadableSpan).name !== POOL_CONNECT_SPAN) return;
    const pending = this.connects.get(parent) ?? [];
    pending.push(span);
    if (pending.length > MAX_PENDING) pending.shift();
    this.connects.set(parent, pending);
  }

  /** The pg request hook: the wait of the connect that just handed this query its client. */
  onQueryStart(span: Span): void {
    const parent = trace.getSpan(context.active());
    const pending = parent && this.connects.get(parent);
    const ended = pending?.filter((s) => !s.isRecording()).map((s) => s as unknown as ReadableSpan);
    if (!pending || !ended?.length) return;
    const latest = ended.reduce((a, b) => (hrTimeToMilliseconds(b.endTime) > hrTimeToMilliseconds(a.endTime) ? b : a));
    pending.splice(pending.indexOf(latest as unknown as Span), 1);
    span.setAttribute(ATTR_CONNECTION_WAIT_TIME, hrTimeToMilliseconds(hrTimeDuration(latest.startTime, latest.endTime)));
  }
}
