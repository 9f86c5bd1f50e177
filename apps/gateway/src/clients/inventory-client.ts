import { callDownstream } from '@tracecart/http-kit';
import type { Product } from '@tracecart/contracts';

/** Typed product reads from the inventory service. */
export class InventoryClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  /** GET /products/:sku. */
  async getProduct(sku: string): Promise<Product> {
    const path = `/products/${encodeURIComponent(sku)}`;
    const res = await callDownstream<Product>('inventory', this.baseUrl, { method: 'GET', path, timeoutMs: this.timeoutMs });
    return res.body;
  }
}
