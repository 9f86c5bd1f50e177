import { createCheckoutFactory, createSeededRandom, formatSku } from '../src';
import type { CheckoutMix, LoadRequest } from '../src';

interface CheckoutBody {
  customerId: string;
  items: Array<{ sku: string; quantity: number }>;
}

const SKU = /^SKU-\d{7}$/;

function bodiesFor(mix: CheckoutMix, items: number, count: number): CheckoutBody[] {
  const factory = createCheckoutFactory({ mix, items, random: createSeededRandom(42) });
  return Array.from({ length: count }, (_, i) => parseCheckout(factory.createRequest(i)));
}

function parseCheckout(request: LoadRequest): CheckoutBody {
  expect(request).toMatchObject({ method: 'POST', path: '/api/checkout', headers: { 'content-type': 'application/json' } });
  const body = JSON.parse(request.body ?? '') as CheckoutBody;
  // The body is written by hand for speed; it must be exactly what JSON.stringify would write.
  expect(request.body).toBe(JSON.stringify({ customerId: body.customerId, items: body.items.map((i) => ({ sku: i.sku, quantity: i.quantity })) }));
  return body;
}

function skuNumbers(bodies: CheckoutBody[]): number[] {
  return bodies.flatMap((b) => b.items.map((item) => Number(item.sku.slice(4))));
}

describe('checkout factory', () => {
  it('formats SKUs as SKU- and 7 digits', () => {
    expect(formatSku(42)).toBe('SKU-0000042');
    expect(formatSku(1_000_000)).toBe('SKU-1000000');
    expect(() => formatSku(0)).toThrow(RangeError);
  });

  it.each(['popular', 'longtail', 'mixed'] as const)('builds valid %s bodies with N distinct SKUs', (mix) => {
    for (const body of bodiesFor(mix, 3, 300)) {
      expect(Object.keys(body).sort()).toEqual(['customerId', 'items']);
      expect(body.customerId).toMatch(/^c-\d+$/);
      expect(body.items).toHaveLength(3);
      expect(new Set(body.items.map((i) => i.sku)).size).toBe(3);
      for (const item of body.items) {
        expect(item.sku).toMatch(SKU);
        expect(item.quantity).toBe(1);
      }
    }
  });

  it('popular draws only from the first 100 SKUs', () => {
    const numbers = skuNumbers(bodiesFor('popular', 1, 2000));
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(100);
    expect(new Set(numbers).size).toBeGreaterThan(90);
  });

  it('longtail spreads over the whole catalog', () => {
    const numbers = skuNumbers(bodiesFor('longtail', 1, 2000));
    expect(Math.max(...numbers)).toBeLessThanOrEqual(1_000_000);
    expect(numbers.filter((n) => n <= 100).length).toBeLessThan(5);
    expect(numbers.filter((n) => n > 500_000).length / numbers.length).toBeGreaterThan(0.4);
  });

  it('mixed takes about 80% popular and 20% longtail', () => {
    const numbers = skuNumbers(bodiesFor('mixed', 1, 4000));
    const popularShare = numbers.filter((n) => n <= 100).length / numbers.length;
    expect(popularShare).toBeGreaterThan(0.76);
    expect(popularShare).toBeLessThan(0.84);
  });

  it('respects a smaller catalog', () => {
    const factory = createCheckoutFactory({ mix: 'longtail', catalogSize: 50, items: 50, random: createSeededRandom(1) });
    const numbers = skuNumbers([parseCheckout(factory.createRequest(0))]);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('counts only 201 as success', () => {
    const factory = createCheckoutFactory();
    expect([200, 201, 409, 503].map((s) => factory.isSuccess(s))).toEqual([false, true, false, false]);
  });

  it('refuses impossible options', () => {
    expect(() => createCheckoutFactory({ items: 0 })).toThrow(/items/);
    expect(() => createCheckoutFactory({ items: 101 })).toThrow(/items/);
    expect(() => createCheckoutFactory({ catalogSize: 0 })).toThrow(/catalogSize/);
    expect(() => createCheckoutFactory({ mix: 'hot' as CheckoutMix })).toThrow(/mix/);
  });
});
