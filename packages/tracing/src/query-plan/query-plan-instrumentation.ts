import { context, SpanKind, type Context, type Span } from '@opentelemetry/api';
import { InstrumentationBase, InstrumentationNodeModuleDefinition, type InstrumentationConfig } from '@opentelemetry/instrumentation';
import { trackBackendPids } from './backend-pids';
import { isStale, type CatalogSnapshot } from './catalog-snapshot';
import { CatalogWatch } from './catalog-watch';
import { ExplainRunner } from './explain-runner';
import { PlanCache, type PlanOutcome } from './plan-cache';
import { ATTR_PLAN_CACHED, PLAN_SPAN_NAME } from './plan-names';
import { SidePools, type PlanConnection, type PoolConstructor } from './side-pools';
import { changesPlans, isPlannable } from './statement-kind';
import { WaitWatcher } from './wait-watcher';
import { watchSends, type PgModule } from './watch-sends';
import { SIDE_POOL_APPLICATIONS } from './wait-names';

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
  /** `performance.now()` when the statement was sent: its plan was chosen after this. */
  readonly startedAt: number;
  checkTimer?: NodeJS.Timeout;
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
 * makes cached plans stale. DDL from other processes is caught by a catalog snapshot (the
 * indexes of the tables a plan reads) read after the statement started, before a cached plan
 * is handed out.
 */
export class QueryPlanInstrumentation extends InstrumentationBase<QueryPlanConfig> {
  private readonly statements = new WeakMap<Span, Statement>();
  private readonly cache: PlanCache;
  private runner?: ExplainRunner;
  private catalog?: CatalogWatch;
  private waits?: WaitWatcher;

  constructor(config: QueryPlanConfig = {}) {
    super('@tracecart/tracing/query-plan', '0.1.0', { ...DEFAULTS, waitsThresholdMs: config.thresholdMs ?? DEFAULTS.thresholdMs, ...config });
    const { cacheTtlMs, cacheMaxEntries } = this.getConfig();
    this.cache = new PlanCache(cacheTtlMs ?? 30_000, cacheMaxEntries ?? 200);
  }

  protected override init() {
    return new InstrumentationNodeModuleDefinition('pg', ['>=8 <9'], (pg: PgModule) => {
      const { thresholdMs, waitsThresholdMs, waitsIntervalMs, waitsMaxSamples } = this.getConfig();
      if (thresholdMs) {
        const pools = new SidePools(pg.Pool as PoolConstructor, SIDE_POOL_APPLICATIONS.explain);
        this.runner = new ExplainRunner(pools);
        this.catalog = new CatalogWatch(pools);
      }
      if (waitsThresholdMs) {
        const pools = new SidePools(pg.Pool as PoolConstructor, SIDE_POOL_APPLICATIONS.waits);
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
    const statement: Statement = { ...info, parent: context.active(), startedAt: performance.now() };
    this.statements.set(span, statement);
    this.armCatalogCheck(statement);
  }

  /** The pg response hook: a slow statement gets its waits and its confirmed cached plan now, or an EXPLAIN span after it ends. */
  onQueryEnd(span: Span): void {
    this.waits?.onEnd(span);
    const statement = this.statements.get(span);
    this.statements.delete(span);
    clearTimeout(statement?.checkTimer);
    const threshold = this.getConfig().thresholdMs ?? 50;
    if (!statement || !this.runner || performance.now() - statement.startedAt < threshold) return;
    const cached = this.cache.get(statement.query.text)?.outcome;
    if (cached && this.confirmedNow(statement, cached)) {
      span.addEvent(cached.event, { ...cached.attributes, [ATTR_PLAN_CACHED]: true });
      return;
    }
    // The statement span ends as soon as this hook returns; the catalog check, the EXPLAIN and
    // their span start on the next turn, so they never lengthen the statement or the caller's wait.
    setImmediate(() => this.recordPlanSpan(span, statement));
  }

  /**
   * A statement whose text has a cached plan gets a catalog snapshot read once it turns slow
   * (its plan was chosen by then), so that at its end the cached plan can usually be confirmed
   * and go on its own span.
   */
  private armCatalogCheck(statement: Statement): void {
    const { thresholdMs } = this.getConfig();
    const catalog = this.catalog;
    const entry = this.cache.get(statement.query.text);
    if (!catalog || !thresholdMs || !entry) return;
    // The entry's EXPLAIN may still be running now; by the threshold it has usually answered.
    const check = () => {
      // An answered plan without a stamp (an EXPLAIN error, no table read) needs no snapshot.
      if (entry.outcome && !entry.outcome.catalog) return;
      void catalog.snapshotAfter(statement.connection, statement.startedAt);
    };
    statement.checkTimer = setTimeout(check, thresholdMs);
    statement.checkTimer.unref();
  }

  /** True when the cached plan needs no check, or a snapshot read after the statement started has already confirmed it. */
  private confirmedNow(statement: Statement, outcome: PlanOutcome): boolean {
    if (!outcome.catalog) return true;
    const answered = this.catalog?.answeredAfter(statement.connection, statement.startedAt);
    return answered !== undefined && !isStale(outcome.catalog, answered.value);
  }

  /** A short CLIENT span beside the statement, linked to it, ended when the plan answers. */
  private recordPlanSpan(statementSpan: Span, statement: Statement): void {
    const planSpan = this.tracer.startSpan(
      PLAN_SPAN_NAME,
      { kind: SpanKind.CLIENT, links: [{ context: statementSpan.spanContext() }] },
      statement.parent,
    );
    void this.settlePlan(statement).then(({ outcome, cached }) => {
      planSpan.setAttribute(ATTR_PLAN_CACHED, cached);
      planSpan.addEvent(outcome.event, outcome.attributes);
      planSpan.end();
    });
  }

  /**
   * The plan of a slow statement: the cached one when a catalog snapshot read after the
   * statement started still matches the tables it reads, else a fresh EXPLAIN that replaces it.
   * Concurrent statements share the snapshot and the fresh EXPLAIN through the cache.
   */
  private async settlePlan(statement: Statement): Promise<{ outcome: PlanOutcome; cached: boolean }> {
    const runner = this.runner!;
    const catalog = this.catalog!;
    const { connection, startedAt, query } = statement;
    const explain = (snapshot: () => Promise<CatalogSnapshot | undefined>) =>
      this.cache.put(query.text, runner.explain(connection, query.text, query.values, snapshot));
    let entry = this.cache.get(query.text);
    for (let checks = 0; entry && checks < MAX_CHECKS; checks += 1) {
      const outcome = await entry.pending;
      if (!outcome.catalog) return { outcome, cached: true };
      const snapshot = await catalog.snapshotAfter(connection, startedAt);
      if (!isStale(outcome.catalog, snapshot)) return { outcome, cached: true };
      const current = this.cache.get(query.text);
      // Another statement replaced the stale plan meanwhile (or DDL emptied the cache): check that one instead.
      if (current !== entry) {
        entry = current;
        continue;
      }
      return { outcome: await explain(async () => snapshot).pending, cached: false };
    }
    return { outcome: await explain(() => catalog.snapshotAfter(connection, startedAt)).pending, cached: false };
  }
}

/** How many replaced entries a statement checks before it runs an EXPLAIN of its own. */
const MAX_CHECKS = 3;
