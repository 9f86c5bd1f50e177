import type { Pool, PoolClient, PoolConfig } from 'pg';
import { MeasuredPool } from './measured-pool';

/** Options for a service's connection pool. */
export interface PoolOptions {
  /** Shown in pg_stat_activity, so a person can tell which service holds a connection. */
  applicationName: string;
  max?: number;
  /** Server-side cap on any one statement; protects the lab from a runaway query. */
  statementTimeoutMs?: number;
}

// The connection's error is already reported to whoever is using the client (its queries
// reject) or, for an idle client, by the pool; this listener only has to exist.
function ignoreClientError(): void {
  return undefined;
}

/**
 * Opens a pg pool for DATABASE_URL with a name and a statement timeout; the pool times its
 * checkouts under that name, for the pool metrics.
 */
export function createPool(databaseUrl: string, options: PoolOptions): MeasuredPool {
  const config: PoolConfig = {
    connectionString: databaseUrl,
    application_name: options.applicationName,
    max: options.max ?? 20,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    connectionTimeoutMillis: 5_000,
  };
  const pool = new MeasuredPool(config, options.applicationName);
  // An idle client that loses its connection emits here; without a listener the process dies.
  pool.on('error', ignoreClientError);
  // pg-pool takes its own listener off a client while it is checked out, so a server that ends
  // the connection then (a restart, pg_terminate_backend) would crash the process: every client
  // keeps this one for life. A broken client is no longer queryable, so the pool discards it.
  pool.on('connect', (client: PoolClient) => client.on('error', ignoreClientError));
  return pool;
}

/** Rejects unless the database answers a trivial query; for /readyz. */
export async function pingDatabase(pool: Pool): Promise<void> {
  await pool.query('SELECT 1');
}
