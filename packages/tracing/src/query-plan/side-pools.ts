import { context, diag, ROOT_CONTEXT } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

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

const SIDE_TIMEOUT_MS = 1000;

/** One key per database the application uses: user, host, port and database. */
export function connectionKey(connection: PlanConnection): string {
  return `${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
}

/**
 * Small pools of one connection each, one per database the application uses, for side
 * queries (EXPLAIN, wait sampling): never the caller's connection (so never inside its
 * transaction), bounded by a statement timeout, with tracing suppressed so the side queries'
 * own pg spans do not appear. `applicationName` keeps each purpose on its own connection.
 */
export class SidePools {
  private readonly pools = new Map<string, SidePool>();

  constructor(private readonly Pool: PoolConstructor, private readonly applicationName: string) {}

  /** Runs one side query on the pool for this connection's database, untraced. */
  async query(connection: PlanConnection, text: string, values?: unknown[]): Promise<Array<Record<string, unknown>>> {
    const pool = this.poolFor(connection);
    const result = await context.with(suppressTracing(ROOT_CONTEXT), () => pool.query(text, values));
    return result.rows;
  }

  /** Closes the side pools. */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.end()));
  }

  private poolFor(connection: PlanConnection): SidePool {
    const key = connectionKey(connection);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new this.Pool({
        ...connection,
        max: 1,
        statement_timeout: SIDE_TIMEOUT_MS,
        connectionTimeoutMillis: SIDE_TIMEOUT_MS,
        idleTimeoutMillis: 5000,
        // An idle side pool must not keep a finished process alive.
        allowExitOnIdle: true,
        application_name: this.applicationName,
      });
      // An idle client's error (the server went away) would otherwise crash the process; the
      // next side query reconnects or reports its own error.
      pool.on('error', (error) => diag.debug(`${this.applicationName} side pool error`, error));
      this.pools.set(key, pool);
    }
    return pool;
  }
}
