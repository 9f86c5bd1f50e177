import type { Pool } from 'pg';

/** The index the fix.index switch builds and drops. */
export const SKU_INDEX = 'products_sku_idx';

/** Whether the sku index exists and can serve queries ('building' also covers a failed build). */
export type IndexState = 'absent' | 'building' | 'ready';

/** Reads the index's state from the catalog: its presence, not any flag, is the truth. */
export async function readIndexState(pool: Pool): Promise<IndexState> {
  const { rows } = await pool.query<{ valid: boolean }>(
    `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1`,
    [SKU_INDEX],
  );
  if (rows.length === 0) return 'absent';
  return rows[0].valid ? 'ready' : 'building';
}

/**
 * Builds the index without blocking writes (CONCURRENTLY cannot run in a transaction, so these
 * use the pool directly). A leftover invalid index from an interrupted build is dropped first.
 */
export async function createSkuIndex(pool: Pool): Promise<void> {
  if ((await readIndexState(pool)) === 'building') await dropSkuIndex(pool);
  await pool.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${SKU_INDEX} ON products (sku)`);
}

/** Drops the index without blocking reads or writes. */
export async function dropSkuIndex(pool: Pool): Promise<void> {
  await pool.query(`DROP INDEX CONCURRENTLY IF EXISTS ${SKU_INDEX}`);
}
