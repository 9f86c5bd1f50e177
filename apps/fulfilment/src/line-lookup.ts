import { HttpError } from '@tracecart/http-kit';
import type { InventoryClient } from '@tracecart/inventory-client';
import type { CatalogEntry, LineItem } from '@tracecart/contracts';

/** How a worker reads the products of an order's lines. */
export type LineLookup = (inventory: InventoryClient, items: readonly LineItem[], timeoutMs: number) => Promise<CatalogEntry[]>;

/**
 * One GET /products/:sku per line, one after another: the slow way (N+1), kept as its own
 * function so a switch can put the batched lookup in its place.
 */
export const lookupLinesOneByOne: LineLookup = async (inventory, items, timeoutMs) => {
  const products: CatalogEntry[] = [];
  for (const item of items) products.push(await inventory.getProduct(item.sku, timeoutMs));
  return products;
};

/**
 * Every line in one POST /products/lookup. A SKU inventory does not know fails the delivery as
 * the per-line GET's 404 would, so both lookups treat a bad message alike.
 */
export const lookupLinesBatched: LineLookup = async (inventory, items, timeoutMs) => {
  const found = await inventory.lookupProducts(
    items.map((item) => item.sku),
    timeoutMs,
  );
  if (found.missing.length > 0) throw new HttpError(404, 'unknown_sku', `${found.missing.join(', ')} not in the catalog`);
  return found.products;
};

/** The lookup of each consumer mode's name. */
export const LINE_LOOKUPS: Readonly<Record<'batched' | 'per-line', LineLookup>> = Object.freeze({
  batched: lookupLinesBatched,
  'per-line': lookupLinesOneByOne,
});
