import { z } from 'zod';
import { LIMITS, SKU_PATTERN } from './limits';

/** A SKU as the API accepts it. */
export const skuSchema = z.string().regex(SKU_PATTERN, 'must be "SKU-" followed by 7 digits');

/** One requested line of a checkout. */
export const lineItemSchema = z.object({
  sku: skuSchema,
  quantity: z.number().int('must be an integer').min(1).max(LIMITS.maxQuantity),
});

/** A requested line: sku and quantity. */
export type LineItem = z.infer<typeof lineItemSchema>;

/**
 * Lines naming the same SKU are merged into one (quantities added, first position kept),
 * so a checkout reserves each SKU once; a merged quantity over the limit is rejected.
 */
export function mergeLineItems(items: readonly LineItem[]): LineItem[] {
  const bySku = new Map<string, LineItem>();
  for (const item of items) {
    const seen = bySku.get(item.sku);
    bySku.set(item.sku, { sku: item.sku, quantity: (seen?.quantity ?? 0) + item.quantity });
  }
  return [...bySku.values()];
}

const mergedItemsSchema = z
  .array(lineItemSchema)
  .min(1, 'must have at least 1 item')
  .max(LIMITS.maxLineItems, `must have at most ${LIMITS.maxLineItems} items`)
  .transform(mergeLineItems)
  .check((ctx) => {
    ctx.value.forEach((item, index) => {
      if (item.quantity > LIMITS.maxQuantity) {
        ctx.issues.push({
          code: 'custom',
          input: item,
          path: [index, 'quantity'],
          message: `${item.sku} adds up to ${item.quantity}, more than ${LIMITS.maxQuantity}`,
        });
      }
    });
  });

/** POST /api/checkout and POST /orders body, with duplicate SKUs merged. */
export const checkoutRequestSchema = z.object({
  customerId: z.string().min(1).max(LIMITS.maxCustomerIdLength),
  items: mergedItemsSchema,
});

/** A validated checkout request. */
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

/** The Idempotency-Key header: 1-128 visible ASCII characters. */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(LIMITS.maxIdempotencyKeyLength)
  .regex(/^[\x21-\x7e]+$/, 'must be visible ASCII characters');
