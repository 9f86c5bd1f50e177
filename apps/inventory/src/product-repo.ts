import type { Pool } from 'pg';
import type { CatalogEntry, Product } from '@tracecart/contracts';

interface ProductRow {
  sku: string;
  name: string;
  price_cents: number;
  on_hand: number;
}

// The statements are the lab's subject: their text is what a person sees in the trace as
// db.query.text, so they stay literal and stable. Without the sku index both seq-scan.
const SELECT_BY_SKU = 'SELECT sku, name, price_cents, on_hand FROM products WHERE sku = $1';
const SELECT_BY_SKUS = 'SELECT sku, name, price_cents, on_hand FROM products WHERE sku = ANY($1)';
const UPDATE_CATALOG_ENTRY = 'UPDATE products SET name = $2, price_cents = $3 WHERE sku = $1';

function toProduct(row: ProductRow): Product {
  return { sku: row.sku, name: row.name, priceCents: row.price_cents, onHand: row.on_hand };
}

/** Reads products from Postgres by SKU; writes their name and price. */
export class ProductRepo {
  constructor(private readonly pool: Pool) {}

  /** One product, or undefined when the SKU is not in the catalog. */
  async findBySku(sku: string): Promise<Product | undefined> {
    const { rows } = await this.pool.query<ProductRow>(SELECT_BY_SKU, [sku]);
    return rows[0] ? toProduct(rows[0]) : undefined;
  }

  /** Many products in one query; SKUs not in the catalog are simply absent from the map. */
  async findBySkus(skus: readonly string[]): Promise<Map<string, Product>> {
    const { rows } = await this.pool.query<ProductRow>(SELECT_BY_SKUS, [skus]);
    return new Map(rows.map((row) => [row.sku, toProduct(row)]));
  }

  /**
   * Changes a product's name and price; false when the SKU is not in the catalog. No route calls it
   * yet (the catalog is seeded, and nothing else changes names or prices): call it only through
   * ProductCatalog.updateEntry, which drops the cached entry, the one thing that makes it stale.
   */
  async updateCatalogEntry(entry: CatalogEntry): Promise<boolean> {
    const { rowCount } = await this.pool.query(UPDATE_CATALOG_ENTRY, [entry.sku, entry.name, entry.priceCents]);
    return rowCount === 1;
  }
}
