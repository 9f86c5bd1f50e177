import { context, SpanKind, type Context, type Span } from '@opentelemetry/api';
import { InstrumentationBase, InstrumentationNodeModuleDefinition, type InstrumentationConfig } from '@opentelemetry/instrumentation';
import { ExplainRunner, type PlanConnection, type PoolConstructor } from './explain-runner';
import { PlanCache, type PlanEntry } from './plan-cache';
import { ATTR_PLAN_CACHED, PLAN_SPAN_NAME } from './plan-names';
import { watchPlanChanges, type PgModule } from './watch-plan-changes';
import { isPlannable } from './statement-kind';

/** Settings of the query-plan instrumentation. */
export interface QueryPlanConfig extends InstrumentationConfig {
  /** A statement slower than this many milliseconds gets its plan. */
  thresholdMs?: number;
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

/**
 * Query plans on slow statements, layered on the official pg instrumentation rather than
 * patching query a second time: its request and response hooks hand over the span, the text,
 * the values and the connection while the span is open, which survives pg-pool, callbacks and
 * promises alike and needs no knowledge of the order in which the two patch pg. The one
 * module definition here takes the application's own pg (for the side pool's Pool) and watches
 * every statement, traced or not, for DDL that makes cached plans stale.
 */
export class QueryPlanInstrumentation extends InstrumentationBase<QueryPlanConfig> {
  private readonly statements = new WeakMap<Span, Statement>();
  private readonly cache: PlanCache;
  private runner?: ExplainRunner;

  constructor(config: QueryPlanConfig = {}) {
    super('@tracecart/tracing/query-plan', '0.1.0', { thresholdMs: 50, cacheTtlMs: 30_000, cacheMaxEntries: 200, ...config });
    const { cacheTtlMs, cacheMaxEntries } = this.getConfig();
    this.cache = new PlanCache(cacheTtlMs ?? 30_000, cacheMaxEntries ?? 200);
  }

  protected override init() {
    return new InstrumentationNodeModuleDefinition('pg', ['>=8 <9'], (pg: PgModule) => {
      this.runner = new ExplainRunner(pg.Pool as PoolConstructor);
      // The cache exists by the time pg is required: init() only builds this definition.
      watchPlanChanges(pg, () => this.isEnabled(), () => this.cache.clear());
      return pg;
    });
  }

  /** The pg request hook: remembers a plannable statement, its caller's context and its start. */
  onQueryStart(span: Span, info: StatementInfo): void {
    if (!this.isEnabled() || !isPlannable(info.query.text)) return;
    this.statements.set(span, { ...info, parent: context.active(), startedAt: performance.now() });
  }

  /** The pg response hook: a slow statement gets its cached plan now, or an EXPLAIN span after it ends. */
  onQueryEnd(span: Span): void {
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
