import { SpanKind, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { backendPid } from './backend-pids';
import type { PlanConnection, SidePools } from './side-pools';
import { WAITS_EVENT, WAITS_SPAN_NAME } from './wait-names';
import { WaitSampler, type SamplerBounds, type WaitCounts } from './wait-sampler';
import { summarizeWaits, type WaitSample } from './wait-summary';

const WAIT_QUERY = 'SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE pid = $1';

/** When sampling starts, and its bounds. */
export interface WaitWatchOptions extends SamplerBounds {
  /** A statement running longer than this many milliseconds gets sampled. */
  readonly thresholdMs: number;
}

interface Watched {
  readonly connection: PlanConnection;
  readonly parent: Context;
  wire?: object;
  timer?: NodeJS.Timeout;
  sampler?: WaitSampler;
}

/**
 * Samples what a slow statement's backend waits on, from a side connection, while it runs.
 * The statement's wire connection (and so its backend pid) is learnt from the send that
 * follows the request hook synchronously: pg sends a pooled client's statement within the
 * very `query` call the hook runs in, so nothing else can send in between.
 */
export class WaitWatcher {
  private readonly watched = new WeakMap<Span, Watched>();
  private awaiting?: Watched;

  constructor(private readonly pools: SidePools, private readonly tracer: Tracer, private readonly options: WaitWatchOptions) {}

  /** The pg request hook: arms the threshold timer and waits for the statement's send. */
  onStart(span: Span, connection: PlanConnection, parent: Context): void {
    const watched: Watched = { connection, parent };
    this.watched.set(span, watched);
    this.awaiting = watched;
    // A busy client sends later, from another statement's reply: no pid then, no sampling.
    queueMicrotask(() => this.awaiting === watched && (this.awaiting = undefined));
    watched.timer = setTimeout(() => this.sample(span, watched), this.options.thresholdMs);
    watched.timer.unref();
  }

  /** A wire connection sends a statement: the one awaited, if any, runs there. */
  onSend(wire: object): void {
    if (this.awaiting) this.awaiting.wire = wire;
    this.awaiting = undefined;
  }

  /** The pg response hook, before the span ends: the waits so far go on the statement's span. */
  onEnd(span: Span): void {
    const watched = this.watched.get(span);
    if (!watched) return;
    this.watched.delete(span);
    clearTimeout(watched.timer);
    const seen = watched.sampler?.stop();
    if (seen?.samples) span.addEvent(WAITS_EVENT, summarizeWaits(seen.counts, seen.samples));
  }

  private sample(span: Span, watched: Watched): void {
    const pid = watched.wire && backendPid(watched.wire);
    if (pid === undefined || !span.isRecording()) return void this.watched.delete(span);
    const query = async () => (await this.pools.query(watched.connection, WAIT_QUERY, [pid]))[0] as WaitSample | undefined;
    watched.sampler = new WaitSampler(query, this.options);
    void watched.sampler.run(() => span.isRecording()).then((seen) => {
      if (!seen) return;
      this.watched.delete(span);
      this.record(span, watched.parent, seen);
    });
  }

  /** Sampling ended by itself: on the span if still open, else on a short span beside it. */
  private record(span: Span, parent: Context, seen: WaitCounts): void {
    if (!seen.samples) return;
    const attributes = summarizeWaits(seen.counts, seen.samples);
    if (span.isRecording()) return void span.addEvent(WAITS_EVENT, attributes);
    const side = this.tracer.startSpan(WAITS_SPAN_NAME, { kind: SpanKind.CLIENT, links: [{ context: span.spanContext() }] }, parent);
    side.addEvent(WAITS_EVENT, attributes);
    side.end();
  }
}
