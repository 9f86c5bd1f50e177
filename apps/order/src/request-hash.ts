import { createHash } from 'node:crypto';
import type { CheckoutRequest } from '@tracecart/contracts';

/** A stable hash of a validated checkout, so "same key, same body" survives key order and merging. */
export function hashCheckoutRequest(request: CheckoutRequest): string {
  const canonical = JSON.stringify({
    customerId: request.customerId,
    items: request.items.map((i) => [i.sku, i.quantity]),
  });
  return createHash('sha256').update(canonical).digest('hex');
}
