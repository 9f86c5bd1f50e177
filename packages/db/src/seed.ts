import type { Pool } from 'pg';

/** The catalog size when CATALOG_SIZE is not set. */
export const DEFAULT_CATALOG_SIZE = 1_000_000;
/** SKUs have seven digits, so the catalog can hold at most this many products. */
export const MAX_CATALOG_SIZE = 9_999_999;
/** Every product starts with this much stock. */
export const INITIAL_ON_HAND = 1000;

const CHUNK_ROWS = 100_000;

/** Progress of a seed, reported after each chunk. */
export interface SeedProgress {
  inserted: number;
  total: number;
}

/** Checks a catalog size and returns it, or throws naming CATALOG_SIZE. */
export function parseCatalogSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_CATALOG_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > MAX_CATALOG_SIZE) {
    throw new Error(`CATALOG_SIZE must be an integer from 1 to ${MAX_CATALOG_SIZE}, got "${raw}"`);
  }
  return size;
}

/**
 * Fills the catalog up to `size` products, server-side with generate_series, in chunks so a
 * person sees progress and an interrupted seed resumes where it stopped. Products are numbered
 * 1..size in id order; an existing larger catalog is left as it is. Returns rows inserted.
 */
export async function seedCatalog(pool: Pool, size: number, onProgress?: (p: SeedProgress) => void): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM products');
  const existing = Number(rows[0].n);
  let next = existing + 1;
  while (next <= size) {
    const last = Math.min(size, next + CHUNK_ROWS - 1);
    // Prices are spread deterministically over $1.00-$999.99 so totals are checkable.
    await pool.query(
      `INSERT INTO products (sku, name, price_cents, on_hand, description)
       SELECT 'SKU-' || lpad(g::text, 7, '0'), 'Product ' || g, 100 + (g * 7919) % 99900, $3,
              md5(g::text) || md5((g * 31)::text)
       FROM generate_series($1::int, $2::int) AS g`,
      [next, last, INITIAL_ON_HAND],
    );
    onProgress?.({ inserted: last, total: size });
    next = last + 1;
  }
  if (next > existing + 1) await pool.query('ANALYZE products');
  return Math.max(0, size - existing);
}

/** The price the seed gives product number n, so tests can check totals. */
export function seededPriceCents(n: number): number {
  return 100 + ((n * 7919) % 99900);
}
