import { checkoutRequestSchema, idempotencyKeySchema, mergeLineItems, skuOf } from '../src';

function issuePath(input: unknown): string | undefined {
  const result = checkoutRequestSchema.safeParse(input);
  return result.success ? undefined : result.error.issues[0].path.join('.');
}

describe('checkout request', () => {
  const good = { customerId: 'c-1', items: [{ sku: 'SKU-0000001', quantity: 2 }] };

  it('accepts a well-formed request', () => {
    expect(checkoutRequestSchema.parse(good)).toEqual(good);
  });

  it('names the offending field', () => {
    expect(issuePath({ ...good, customerId: '' })).toBe('customerId');
    expect(issuePath({ ...good, items: [] })).toBe('items');
    expect(issuePath({ ...good, items: [{ sku: 'nope', quantity: 1 }] })).toBe('items.0.sku');
    expect(issuePath({ ...good, items: [{ sku: 'SKU-0000001', quantity: 1.5 }] })).toBe('items.0.quantity');
    expect(issuePath({ ...good, items: [{ sku: 'SKU-0000001', quantity: 0 }] })).toBe('items.0.quantity');
    expect(issuePath({ ...good, items: [{ sku: 'SKU-0000001', quantity: 1001 }] })).toBe('items.0.quantity');
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ sku: skuOf(i + 1), quantity: 1 }));
    expect(issuePath({ ...good, items: tooMany })).toBe('items');
  });

  it('merges duplicate skus and rejects a merged quantity over the limit', () => {
    const merged = checkoutRequestSchema.parse({
      customerId: 'c',
      items: [
        { sku: 'SKU-0000002', quantity: 1 },
        { sku: 'SKU-0000001', quantity: 2 },
        { sku: 'SKU-0000002', quantity: 3 },
      ],
    });
    expect(merged.items).toEqual([
      { sku: 'SKU-0000002', quantity: 4 },
      { sku: 'SKU-0000001', quantity: 2 },
    ]);
    expect(issuePath({ customerId: 'c', items: [{ sku: 'SKU-0000001', quantity: 600 }, { sku: 'SKU-0000001', quantity: 600 }] })).toBe(
      'items.0.quantity',
    );
    expect(mergeLineItems([])).toEqual([]);
  });

  it('accepts only 1-128 visible ASCII idempotency keys', () => {
    expect(idempotencyKeySchema.safeParse('k-1').success).toBe(true);
    expect(idempotencyKeySchema.safeParse('').success).toBe(false);
    expect(idempotencyKeySchema.safeParse('has space').success).toBe(false);
    expect(idempotencyKeySchema.safeParse('x'.repeat(129)).success).toBe(false);
    expect(idempotencyKeySchema.safeParse('é').success).toBe(false);
  });
});
