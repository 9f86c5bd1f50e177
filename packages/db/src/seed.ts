import { availableParallelism } from 'node:os';
import type { Pool } from 'pg';

/** The catalog size when CATALOG_SIZE is not set. */
export const DEFAULT_CATALOG_SIZE = 1_000_000;
/** SKUs have seven digits, so the catalog can hold at most this many products. */
export const MAX_CATALOG_SIZE = 9_999_999;
/** Every product starts with this much stock. */
export const INITIAL_ON_HAND = 1000;

const CHUNK_ROWS = 100_000;
// Chunks written at once; past the server's cores they only queue.
const SEED_WORKERS = Math.max(1, Math.min(4, availableParallelism()));

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

/** A run of product numbers, both ends included. */
type Range = readonly [first: number, last: number];

/** Every number in 1..size that has no product yet, as ranges; cheap when the catalog is a prefix. */
async function findMissingRanges(pool: Pool, size: number): Promise<Range[]> {
  const { rows } = await pool.query<{ n: string; top: string }>(
    'SELECT count(*) AS n, coalesce(max(id), 0) AS top FROM products',
  );
  const [count, top] = [Number(rows[0].n), Number(rows[0].top)];
  if (count === top) return top < size ? [[top + 1, size]] : [];
  // An interrupted parallel seed leaves holes: find them (one pass over the ids).
  const gaps = await pool.query<{ first: string; last: string }>(
    `SELECT id + 1 AS first, next_id - 1 AS last
     FROM (SELECT id, lead(id) OVER (ORDER BY id) AS next_id
           FROM (SELECT 0::bigint AS id UNION ALL SELECT id FROM products WHERE id <= $1
                 UNION ALL SELECT $1::bigint + 1) AS ids) AS pairs
     WHERE next_id - 1 >= id + 1`,
    [size],
  );
  return gaps.rows.map((r): Range => [Number(r.first), Number(r.last)]);
}

function splitIntoChunks(ranges: Range[]): Range[] {
  const chunks: Range[] = [];
  for (const [first, last] of ranges) {
    for (let next = first; next <= last; next += CHUNK_ROWS) chunks.push([next, Math.min(last, next + CHUNK_ROWS - 1)]);
  }
  return chunks;
}

// Product n gets id n explicitly, so chunks can be written side by side and still number the
// catalog in id order. Prices are spread deterministically over $1.00-$999.99 so totals are
// checkable; g * 7919 is taken in bigint because it overflows int4 past g = 271,183.
const INSERT_CHUNK = `INSERT INTO products (id, sku, name, price_cents, on_hand, description) OVERRIDING SYSTEM VALUE
  SELECT g, 'SKU-' || lpad(g::text, 7, '0'), 'Product ' || g, 100 + (g::bigint * 7919) % 99900, $3,
         md5(g::text) || md5((g * 31)::text)
  FROM generate_series($1::int, $2::int) AS g`;

/**
 * Fills the catalog up to `size` products, server-side with generate_series, in chunks so a
 * person sees progress and an interrupted seed resumes where it stopped. Products are numbered
 * 1..size in id order; an existing larger catalog is left as it is. Returns rows inserted.
 * Chunks run side by side; an error (or a throw from onProgress) stops the seed once the chunks
 * in flight have finished.
 */
export async function seedCatalog(pool: Pool, size: number, onProgress?: (p: SeedProgress) => void): Promise<number> {
  const chunks = splitIntoChunks(await findMissingRanges(pool, size));
  let missing = chunks.reduce((sum, [first, last]) => sum + last - first + 1, 0);
  const toInsert = missing;
  const queue = [...chunks];
  // The md5 padding makes the insert CPU-bound on the server: one chunk per core in flight.
  const worker = async () => {
    try {
      for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
        await pool.query(INSERT_CHUNK, [chunk[0], chunk[1], INITIAL_ON_HAND]);
        missing -= chunk[1] - chunk[0] + 1;
        onProgress?.({ inserted: size - missing, total: size });
      }
    } catch (error) {
      queue.length = 0; // the other workers stop after their current chunk
      throw error;
    }
  };
  // Settle every worker before reporting a failure, so no chunk is still running after we return.
  const results = await Promise.allSettled(Array.from({ length: Math.min(SEED_WORKERS, chunks.length) }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  if (toInsert === 0) return 0;
  // Later identity inserts must not collide with the explicit ids.
  await pool.query(`SELECT setval(pg_get_serial_sequence('products', 'id'), (SELECT max(id) FROM products))`);
  await pool.query('ANALYZE products');
  return toInsert;
}

/** The price the seed gives product number n, so tests can check totals. */
export function seededPriceCents(n: number): number {
  return 100 + ((n * 7919) % 99900);
}
