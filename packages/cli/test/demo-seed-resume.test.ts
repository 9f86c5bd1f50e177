// A demo stopped during its seed (Ctrl-C with --keep-data, or on DATABASE_URL) resumes it on the
// next start. The seed writes chunks side by side, so an interruption can leave holes, not just
// a short catalog: the next seed must fill exactly the holes. 300,000 products also pass the
// point (271,183) where the price formula overflowed int4.
import { seededPriceCents, seedCatalog } from '@tracecart/db';
import { createTestDatabase, type TestDatabase } from '@tracecart/testkit';

describe('resuming an interrupted catalog seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 300_000 });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('fills the holes an interrupted parallel seed leaves, with the same products as a fresh seed', async () => {
    await db.pool.query('DELETE FROM products WHERE id BETWEEN 100001 AND 200000 OR id BETWEEN 240001 AND 240010 OR id > 299990');
    const progress: number[] = [];
    expect(await seedCatalog(db.pool, 300_000, (p) => progress.push(p.inserted))).toBe(100_020);
    expect(progress.at(-1)).toBe(300_000);
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT sku)::int AS skus,
              bool_and(sku = 'SKU-' || lpad(id::text, 7, '0')) AS numbered_by_id,
              bool_and(name = 'Product ' || id AND on_hand = 1000
                       AND description = md5(id::text) || md5((id * 31)::text)) AS same_rows
       FROM products`,
    );
    expect(rows[0]).toEqual({ n: 300_000, skus: 300_000, numbered_by_id: true, same_rows: true });
    const prices = await db.pool.query(`SELECT id::int, price_cents FROM products WHERE id IN (42, 240005, 299999) ORDER BY id`);
    expect(prices.rows).toEqual([42, 240005, 299999].map((id) => ({ id, price_cents: seededPriceCents(id) })));
  });

  it('leaves a complete catalog alone and keeps identity inserts clear of the explicit ids', async () => {
    expect(await seedCatalog(db.pool, 300_000)).toBe(0);
    const { rows } = await db.pool.query(`INSERT INTO products (sku, name, price_cents, on_hand) VALUES ('X-1', 'x', 1, 1) RETURNING id::int`);
    expect(rows[0].id).toBe(300_001);
  });
});
