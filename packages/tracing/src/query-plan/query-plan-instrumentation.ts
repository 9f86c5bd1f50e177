import { context, SpanKind, type Context, type Span } from '@opentelemetry/api';
import { InstrumentationBase, InstrumentationNodeModuleDefinition, type InstrumentationConfig } from '@opentelemetry/instrumentation';
import { trackBackendPids } from './backend-pids';
import { ExplainRunner } from './explain-runner';
import { PlanCache, type PlanEntry } from './plan-cache';
import { ATTR_PLAN_CACHED, PLAN_SPAN_NAME } from './plan-names';
import { SidePools, type PlanConnection, type PoolConstructor } from './side-pools';
import { changesPlans, isPlannable } from './statement-kind';
import { WaitWatcher } from './wait-watcher';
import { watchSends, type PgModule } from './watch-sends';

/** Settings of the query-plan instrumentation. */
export interface QueryPlanConfig extends InstrumentationConfig {
  /** A statement slower than this many milliseconds gets its plan; 0: no plans. */
  thresholdMs?: number;
  /** A statement running longer than this many milliseconds gets its waits sampled; 0: no sampling. */
  waitsThresholdMs?: number;
  /** Milliseconds between two wait samples of one statement. */
  waitsIntervalMs?: number;
  /** The most wait samples of one statement. */
  waitsMaxSamples?: number;
  /** How long a statement text's plan is reused. */
  cacheTtlMs?: number;
  /** How many statement texts keep a plan. */
  cacheMaxEntries?: number;
}

/** What the pg instrumentation's request hook reports about a statement. */
interface StatementInfo {
  query: { text: string; values?: unknown[] };
  connection: PlanConnection;
}

interface Statement extends StatementInfo {
  readonly parent: Context;
  readonly startedAt: number;
}

const DEFAULTS = { thresholdMs: 50, waitsIntervalMs: 10, waitsMaxSamples: 500, cacheTtlMs: 30_000, cacheMaxEntries: 200 };

/**
 * Query plans and wait samples on slow statements, layered on the official pg instrumentation rather than
 * patching query a second time: its request and response hooks hand over the span, the text,
 * the values and the connection while the span is open (the response hook runs before the span
 * ends), which survives pg-pool, callbacks and
 * promises alike and needs no knowledge of the order in which the two patch pg. The one
 * module definition here takes the application's own pg (for the side pools' Pool), learns
 * each wire connection's backend pid, and watches every statement, traced or not, for DDL that
 * makes cached plans stale.
 */
export class QueryPlanInstrumentation extends InstrumentationBase<QueryPlanConfig> {
  private readonly statements = new WeakMap<Span, Statement>();
  private readonly cache: PlanCache;
  private runner?: ExplainRunner;
  private waits?: WaitWatcher;

  constructor(config: QueryPlanConfig = {}) {
    super('@tracecart/tracing/query-plan', '0.1.0', { ...DEFAULTS, waitsThresholdMs: config.thresholdMs ?? DEFAULTS.thresholdMs, ...config });
    const { cacheTtlMs, cacheMaxEntries } = this.getConfig();
    this.cache = new PlanCache(cacheTtlMs ?? 30_000, cacheMaxEntries ?? 200);
  }

  protected override init() {
    return new InstrumentationNodeModuleDefinition('pg', ['>=8 <9'], (pg: PgModule) => {
      const { thresholdMs, waitsThresholdMs, waitsIntervalMs, waitsMaxSamples } = this.getConfig();
      if (thresholdMs) this.runner = new ExplainRunner(pg.Pool as PoolConstructor);
      if (waitsThresholdMs) {
        const pools = new SidePools(pg.Pool as PoolConstructor, 'tracing-waits');
        const bounds = { thresholdMs: waitsThresholdMs, intervalMs: waitsIntervalMs ?? 10, maxSamples: waitsMaxSamples ?? 500 };
        this.waits = new WaitWatcher(pools, this.tracer, bounds);
        trackBackendPids(pg.Connection);
      }
      // The cache exists by the time pg is required: init() only builds this definition.
      watchSends(pg, (wire, text) => {
        this.waits?.onSend(wire);
        if (this.isEnabled() && text !== undefined && changesPlans(text)) this.cache.clear();
      });
      return pg;
    });
  }

  /** The pg request hook: watches the statement's waits, remembers a plannable one for its plan. */
  onQueryStart(span: Span, info: StatementInfo): void {
    if (!this.isEnabled()) return;
    this.waits?.onStart(span, info.connection, context.active());
    if (!isPlannable(info.query.text)) return;
    this.statements.set(span, { ...info, parent: context.active(), startedAt: performance.now() });
  }

  /** The pg response hook: a slow statement gets its waits and its cached plan now, or an EXPLAIN span after it ends. */
  onQueryEnd(span: Span): void {
    this.waits?.onEnd(span);
    const statement = this.statements.get(span);
    this.statements.delete(span);
    const threshold = this.getConfig().thresholdMs ?? 50;
    if (!statement || !this.runner || performance.now() - statement.startedAt < threshold) return;
    const cached = this.cache.get(statement.query.text);
    if (cached?.outcome) {
      span.addEvent(cached.outcome.event, { ...cached.outcome.attributes, [ATTR_PLAN_CACHED]: true });
      return;
    }
    const runner = this.runner;
    // The statement span ends as soon as this hook returns; the EXPLAIN and its span start on
    // the next turn, so they never lengthen the statement or the caller's wait.
    const entry = cached ?? this.cache.put(statement.query.text, nextTurn(() => runner.explain(statement.connection, statement.query.text, statement.query.values)));
    setImmediate(() => this.recordPlanSpan(span, statement, entry, cached !== undefined));
  }

  /** A short CLIENT span beside the statement, linked to it, ended when the plan answers. */
  private recordPlanSpan(statementSpan: Span, statement: Statement, entry: PlanEntry, cached: boolean): void {
    const planSpan = this.tracer.startSpan(
      PLAN_SPAN_NAME,
      { kind: SpanKind.CLIENT, links: [{ context: statementSpan.spanContext() }], attributes: { [ATTR_PLAN_CACHED]: cached } },
      statement.parent,
    );
    void entry.pending.then((outcome) => {
      planSpan.addEvent(outcome.event, outcome.attributes);
      planSpan.end();
    });
  }
}

function nextTurn<T>(run: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => setImmediate(() => resolve(run())));
}
