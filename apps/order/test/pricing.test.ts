import { HttpError } from '@tracecart/http-kit';
import type { CatalogEntry } from '@tracecart/contracts';
import { priceItems } from '../src/pricing';

const entry = (sku: string, priceCents: number): [string, CatalogEntry] => [sku, { sku, name: `Product ${sku}`, priceCents }];

describe('priceItems', () => {
  it('prices every line from name and price alone: stock is for the reservation to check', () => {
    const entries = new Map([entry('SKU-0000001', 250), entry('SKU-0000002', 1000)]);
    const items = priceItems([{ sku: 'SKU-0000001', quantity: 4 }, { sku: 'SKU-0000002', quantity: 5000 }], entries);
    expect(items.map((i) => [i.sku, i.unitPriceCents, i.lineTotalCents])).toEqual([
      ['SKU-0000001', 250, 1000],
      ['SKU-0000002', 1000, 5_000_000],
    ]);
  });

  it('refuses a line whose SKU was not found as 404 unknown_sku', () => {
    const error = (() => {
      try {
        priceItems([{ sku: 'SKU-0000003', quantity: 1 }], new Map([entry('SKU-0000001', 250)]));
      } catch (thrown) {
        return thrown as HttpError;
      }
      throw new Error('priceItems accepted an unknown SKU');
    })();
    expect([error instanceof HttpError, error.status, error.code]).toEqual([true, 404, 'unknown_sku']);
  });
});
