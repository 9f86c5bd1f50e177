import { randomBytes } from 'node:crypto';
import { createPool, dropDatabase, ensureDatabase, migrate, seedCatalog, type Pool } from '@tracecart/db';

/** A throwaway database with the schema and a small catalog. */
export interface TestDatabase {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** A fresh database name on the test Postgres (PGHOST/PGPORT/PGUSER override 127.0.0.1:5432, postgres). */
export function scratchDatabaseUrl(): string {
  const host = process.env.PGHOST ?? '127.0.0.1';
  const port = process.env.PGPORT ?? '5432';
  const user = process.env.PGUSER ?? 'postgres';
  return `postgres://${user}@${host}:${port}/tracecart_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Creates a uniquely named database, migrates it and seeds `catalogSize` products. */
export async function createTestDatabase(options: { catalogSize?: number } = {}): Promise<TestDatabase> {
  const url = scratchDatabaseUrl();
  await ensureDatabase(url);
  const pool = createPool(url, { applicationName: 'tracecart-test', max: 10 });
  await migrate(pool);
  await seedCatalog(pool, options.catalogSize ?? 2000);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await dropDatabase(url);
    },
  };
}

/** Row counts and total stock: equal snapshots mean a request changed nothing. */
export async function snapshotDatabase(pool: Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM orders) AS orders,
            (SELECT count(*) FROM order_items) AS order_items,
            (SELECT count(*) FROM idempotency_keys) AS idempotency_keys,
            (SELECT count(*) FROM reservations) AS reservations,
            (SELECT count(*) FROM reservation_lines) AS reservation_lines,
            (SELECT coalesce(sum(on_hand), 0) FROM products) AS on_hand`,
  );
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}
