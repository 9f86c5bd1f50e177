// The flash mix: every checkout draws only from the first FLASH_SKU_COUNT SKUs, so concurrent
// checkouts contend for the same product rows (the lab's hot-row problem needs that load).
import { createCheckoutFactory, createSeededRandom, FLASH_SKU_COUNT, parseLoadArgs } from '../src';

const BASE = ['--rate', '10', '--duration', '1s'];

function skusOf(items: number, count: number): string[][] {
  const factory = createCheckoutFactory({ mix: 'flash', items, random: createSeededRandom(7) });
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.parse(factory.createRequest(i).body ?? '') as { items: Array<{ sku: string }> };
    return body.items.map((item) => item.sku);
  });
}

describe('flash mix', () => {
  it('sells only the first three SKUs, each of them', () => {
    const skus = skusOf(1, 600).flat();
    expect(new Set(skus)).toEqual(new Set(['SKU-0000001', 'SKU-0000002', 'SKU-0000003']));
    expect(FLASH_SKU_COUNT).toBe(3);
  });

  it('puts up to three distinct flash SKUs in one checkout', () => {
    for (const skus of skusOf(3, 50)) expect([...skus].sort()).toEqual(['SKU-0000001', 'SKU-0000002', 'SKU-0000003']);
    expect(() => createCheckoutFactory({ mix: 'flash', items: 4 })).toThrow(/items/);
  });

  it('is a --mix of the load command, with --items bounded by the sale', () => {
    expect(parseLoadArgs([...BASE, '--mix', 'flash', '--items', '2'])).toMatchObject({ mix: 'flash', items: 2 });
    expect(() => parseLoadArgs([...BASE, '--mix', 'flash', '--items', '4'])).toThrow(/--items: .* from 1 to 3/);
  });
});
