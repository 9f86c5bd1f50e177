import { Pool, type PoolConfig } from 'pg';

/** Options for a service's connection pool. */
export interface PoolOptions {
  /** Shown in pg_stat_activity, so a person can tell which service holds a connection. */
  applicationName: string;
  max?: number;
  /** Server-side cap on any one statement; protects the lab from a runaway query. */
  statementTimeoutMs?: number;
}

/** Opens a pg pool for DATABASE_URL with a name and a statement timeout. */
export function createPool(databaseUrl: string, options: PoolOptions): Pool {
  const config: PoolConfig = {
    connectionString: databaseUrl,
    application_name: options.applicationName,
    max: options.max ?? 20,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    connectionTimeoutMillis: 5_000,
  };
  const pool = new Pool(config);
  // An idle client that loses its connection emits here; without a listener the process dies.
  pool.on('error', () => undefined);
  return pool;
}

/** Rejects unless the database answers a trivial query; for /readyz. */
export async function pingDatabase(pool: Pool): Promise<void> {
  await pool.query('SELECT 1');
}
