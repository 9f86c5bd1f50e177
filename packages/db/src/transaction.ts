import type { Pool, PoolClient } from 'pg';
import { withClient } from './checkout';

/** Runs fn in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws. */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client, discard) => {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A failed ROLLBACK means the connection itself is gone: discard it instead of pooling it.
      await client.query('ROLLBACK').catch(discard);
      throw error;
    }
  });
}
