import { HttpError } from '@tracecart/http-kit';
import type { LineItem, OrderItem, Product } from '@tracecart/contracts';
import type { InventoryClient } from '@tracecart/inventory-client';
import type { Deadline } from './deadline';

/** Looks up every line's product: one call per line (N+1) or one batched call. */
export async function lookupProducts(
  inventory: InventoryClient,
  items: readonly LineItem[],
  batched: boolean,
  deadline: Deadline,
): Promise<Map<string, Product>> {
  const products = new Map<string, Product>();
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
  for (const item of items) products.set(item.sku, await inventory.getProduct(item.sku, deadline.remainingMs()));
  return products;
}

/** Prices the lines with the looked-up products; fails early when stock is visibly short. */
export function priceItems(items: readonly LineItem[], products: Map<string, Product>): OrderItem[] {
  return items.map((item) => {
    const product = products.get(item.sku);
    if (!product) throw new HttpError(404, 'unknown_sku', `${item.sku} is not in the catalog`);
    if (product.onHand < item.quantity) {
      throw new HttpError(409, 'insufficient_stock', `not enough stock of ${item.sku} for ${item.quantity}`);
    }
    return {
      sku: item.sku,
      name: product.name,
      quantity: item.quantity,
      unitPriceCents: product.priceCents,
      lineTotalCents: product.priceCents * item.quantity,
    };
  });
}
