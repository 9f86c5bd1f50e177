import { context, diag, ROOT_CONTEXT } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { PlanOutcome } from './plan-cache';
import { ATTR_PLAN_ERROR_MESSAGE, PLAN_ERROR_EVENT, PLAN_EVENT } from './plan-names';
import { summarizePlan } from './plan-summary';

/** Where the statement ran, as the pg instrumentation reports it (no password: pg's defaults apply). */
export interface PlanConnection {
  database?: string;
  host?: string;
  port?: number;
  user?: string;
}

/** The part of pg's Pool used here. */
interface SidePool {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** pg's Pool constructor, taken from the application's own pg module. */
export type PoolConstructor = new (config: Record<string, unknown>) => SidePool;

const EXPLAIN_TIMEOUT_MS = 1000;

/**
 * Runs `EXPLAIN (FORMAT JSON)` on small pools of its own, one per database the application
 * uses: never on the caller's connection (so never inside its transaction), never with ANALYZE
 * (nothing executes twice), bounded by a statement timeout, with tracing suppressed so the
 * EXPLAIN's own pg spans do not appear.
 */
export class ExplainRunner {
  private readonly pools = new Map<string, SidePool>();

  constructor(private readonly Pool: PoolConstructor) {}

  /** The plan event for this statement, or the plan error event; never rejects. */
  async explain(connection: PlanConnection, text: string, values: unknown[] | undefined): Promise<PlanOutcome> {
    try {
      const pool = this.poolFor(connection);
      const result = await context.with(suppressTracing(ROOT_CONTEXT), () => pool.query(`EXPLAIN (FORMAT JSON) ${text}`, values));
      return { event: PLAN_EVENT, attributes: summarizePlan(result.rows) };
    } catch (error) {
      return { event: PLAN_ERROR_EVENT, attributes: { [ATTR_PLAN_ERROR_MESSAGE]: (error as Error).message } };
    }
  }

  /** Closes the side pools. */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.end()));
  }

  private poolFor(connection: PlanConnection): SidePool {
    const key = `${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new this.Pool({
        ...connection,
        max: 1,
        statement_timeout: EXPLAIN_TIMEOUT_MS,
        connectionTimeoutMillis: EXPLAIN_TIMEOUT_MS,
        idleTimeoutMillis: 5000,
        // An idle side pool must not keep a finished process alive.
        allowExitOnIdle: true,
        application_name: 'tracing-explain',
      });
      // An idle client's error (the server went away) would otherwise crash the process; the
      // next EXPLAIN reconnects or leaves a plan error event.
      pool.on('error', (error) => diag.debug('query plan side pool error', error));
      this.pools.set(key, pool);
    }
    return pool;
  }
}
