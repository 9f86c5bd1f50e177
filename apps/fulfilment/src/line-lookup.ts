import type { InventoryClient } from '@tracecart/inventory-client';
import type { LineItem, Product } from '@tracecart/contracts';

/** How a worker reads the products of an order's lines. */
export type LineLookup = (inventory: InventoryClient, items: readonly LineItem[], timeoutMs: number) => Promise<Product[]>;

/**
 * One GET /products/:sku per line, one after another: the slow way, kept as its own function so
 * a switch can put the batched lookup in its place.
 */
export const lookupLinesOneByOne: LineLookup = async (inventory, items, timeoutMs) => {
  const products: Product[] = [];
  for (const item of items) products.push(await inventory.getProduct(item.sku, timeoutMs));
  return products;
};
