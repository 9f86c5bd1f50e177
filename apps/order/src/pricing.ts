import { HttpError } from '@tracecart/http-kit';
import type { CatalogEntry, LineItem, OrderItem } from '@tracecart/contracts';
import type { InventoryClient } from '@tracecart/inventory-client';
import type { Deadline } from './deadline';

/** Looks up every line's name and price: one call per line (N+1) or one batched call. */
export async function lookupProducts(
  inventory: InventoryClient,
  items: readonly LineItem[],
  batched: boolean,
  deadline: Deadline,
): Promise<Map<string, CatalogEntry>> {
  const products = new Map<string, CatalogEntry>();
  if (batched) {
    const found = await inventory.lookupProducts(
      items.map((i) => i.sku),
      deadline.remainingMs(),
    );
    if (found.missing.length > 0) throw new HttpError(404, 'unknown_sku', `${found.missing.join(', ')} not in the catalog`);
    for (const product of found.products) products.set(product.sku, product);
    return products;
  }
  // Deliberately sequential: this is the N+1 pattern the lab teaches, one round trip per line.
  for (const item of items) products.set(item.sku, await inventory.getCatalogEntry(item.sku, deadline.remainingMs()));
  return products;
}

/**
 * Prices the lines with the looked-up entries. No stock check here: the entries carry none (name
 * and price are what the cache can hold), and the reservation's atomic update is the real check.
 */
export function priceItems(items: readonly LineItem[], products: Map<string, CatalogEntry>): OrderItem[] {
  return items.map((item) => {
    const product = products.get(item.sku);
    if (!product) throw new HttpError(404, 'unknown_sku', `${item.sku} is not in the catalog`);
    return {
      sku: item.sku,
      name: product.name,
      quantity: item.quantity,
      unitPriceCents: product.priceCents,
      lineTotalCents: product.priceCents * item.quantity,
    };
  });
}
