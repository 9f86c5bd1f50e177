import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { withClient } from './checkout';
import { withTransaction } from './transaction';

/** One SQL file of migrations/, applied once in name order. */
export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

// Any fixed number; it only has to be the same for every process that migrates.
const MIGRATION_LOCK_ID = 7_310_001;
const MIGRATIONS_DIR = path.join(__dirname, '..', 'migrations');

/** Reads migrations/NNN_name.sql in order. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(dir, file), 'utf8');
      return {
        version: file.slice(0, 3),
        name: file.slice(4, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

async function applyPending(pool: Pool, client: PoolClient, migrations: Migration[]): Promise<string[]> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const { rows } = await client.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations');
  const applied = new Map(rows.map((r) => [r.version, r.checksum]));
  const done: string[] = [];
  for (const migration of migrations) {
    const checksum = applied.get(migration.version);
    if (checksum === migration.checksum) continue;
    if (checksum !== undefined) throw new Error(`migration ${migration.version}_${migration.name} changed after it was applied`);
    await withTransaction(pool, async (tx) => {
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
    });
    done.push(migration.version);
  }
  return done;
}

/**
 * Applies every migration not yet recorded, each in its own transaction, under an advisory lock
 * so concurrent starters do not race. A recorded migration whose file changed is an error.
 * Returns the versions applied by this call (empty when the schema was current).
 */
export async function migrate(pool: Pool, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  return withClient(pool, async (client, discard) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      return await applyPending(pool, client, migrations);
    } finally {
      // If the unlock fails the session is broken; discarding the connection frees the lock too.
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(discard);
    }
  });
}
