import { randomBytes } from 'node:crypto';
import {
  createPool,
  dropDatabase,
  ensureDatabase,
  migrate,
  seedCatalog,
  parseCatalogSize,
  seededPriceCents,
  MAX_CATALOG_SIZE,
  type Pool,
} from '../src';

const url = `postgres://postgres@127.0.0.1:5432/tracecart_dbtest_${randomBytes(4).toString('hex')}`;

describe('migrations and seed', () => {
  const db = {} as { pool: Pool };
  beforeAll(async () => {
    expect(await ensureDatabase(url)).toBe(true);
    expect(await ensureDatabase(url)).toBe(false);
    db.pool = createPool(url, { applicationName: 'db-test', max: 4 });
    expect(await migrate(db.pool)).toEqual(['001', '002', '003', '004', '005', '006', '007']);
    expect(await seedCatalog(db.pool, 1500)).toBe(1500);
  });
  afterAll(async () => {
    await db.pool.end();
    await dropDatabase(url);
  });

  it('applies nothing the second time and records each migration once', async () => {
    expect(await migrate(db.pool)).toEqual([]);
    const { rows } = await db.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(['001', '002', '003', '004', '005', '006', '007']);
  });

  it('leaves sku without any index, so lookups seq-scan', async () => {
    const { rows } = await db.pool.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'products'`);
    expect(rows.map((r) => r.indexdef).filter((d: string) => d.includes('(sku'))).toEqual([]);
    const plan = await db.pool.query(`EXPLAIN SELECT * FROM products WHERE sku = 'SKU-0000007'`);
    expect(JSON.stringify(plan.rows)).toContain('Seq Scan');
  });

  it('numbers products 1..size with SKU-nnnnnnn, stock 1000 and the documented price', async () => {
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n, min(sku) AS first, max(sku) AS last, min(on_hand) AS lo, max(on_hand) AS hi FROM products`,
    );
    expect(rows[0]).toEqual({ n: 1500, first: 'SKU-0000001', last: 'SKU-0001500', lo: 1000, hi: 1000 });
    const price = await db.pool.query(`SELECT price_cents FROM products WHERE sku = 'SKU-0000042'`);
    expect(price.rows[0].price_cents).toBe(seededPriceCents(42));
  });

  it('resumes a seed and leaves a complete catalog alone', async () => {
    expect(await seedCatalog(db.pool, 1500)).toBe(0);
    expect(await seedCatalog(db.pool, 1600)).toBe(100);
    const { rows } = await db.pool.query(`SELECT count(DISTINCT sku)::int AS n FROM products`);
    expect(rows[0].n).toBe(1600);
  });

  it('rejects a catalog size that is not 1..9999999', () => {
    expect(parseCatalogSize(undefined)).toBe(1_000_000);
    expect(parseCatalogSize('25')).toBe(25);
    for (const bad of ['0', '-5', '1.5', 'many', String(MAX_CATALOG_SIZE + 1)]) {
      expect(() => parseCatalogSize(bad)).toThrow(/CATALOG_SIZE/);
    }
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const changed = [{ version: '001', name: 'catalog', sql: 'SELECT 1', checksum: 'different' }];
    await expect(migrate(db.pool, changed)).rejects.toThrow(/changed after it was applied/);
  });
});
