import { callDownstream } from '@tracecart/http-kit';
import type { LineItem, LookupResponse, Product, ReservationResponse } from '@tracecart/contracts';
import type { Deadline } from '../deadline';

// A release runs after the checkout's own deadline, so it gets a short budget of its own.
const RELEASE_TIMEOUT_MS = 2000;

/** Typed calls to the inventory service; errors come back as the HttpError inventory sent. */
export class InventoryClient {
  constructor(private readonly baseUrl: string) {}

  /** GET /products/:sku: one call per SKU (the N+1 path). */
  async getProduct(sku: string, deadline: Deadline): Promise<Product> {
    const path = `/products/${encodeURIComponent(sku)}`;
    const res = await callDownstream<Product>('inventory', this.baseUrl, { method: 'GET', path, timeoutMs: deadline.remainingMs() });
    return res.body;
  }

  /** POST /products/lookup: every SKU in one call (the batched path). */
  async lookupProducts(skus: string[], deadline: Deadline): Promise<LookupResponse> {
    const res = await callDownstream<LookupResponse>('inventory', this.baseUrl, {
      method: 'POST',
      path: '/products/lookup',
      body: { skus },
      timeoutMs: deadline.remainingMs(),
    });
    return res.body;
  }

  /** POST /reservations: holds every line or none, keyed by the order id. */
  async reserve(orderId: string, items: LineItem[], deadline: Deadline): Promise<ReservationResponse> {
    const res = await callDownstream<ReservationResponse>('inventory', this.baseUrl, {
      method: 'POST',
      path: '/reservations',
      body: { orderId, items },
      timeoutMs: deadline.remainingMs(),
    });
    return res.body;
  }

  /** POST /reservations/:orderId/release: gives the stock back; safe to repeat. */
  async release(orderId: string, timeoutMs: number = RELEASE_TIMEOUT_MS): Promise<ReservationResponse> {
    const path = `/reservations/${encodeURIComponent(orderId)}/release`;
    const res = await callDownstream<ReservationResponse>('inventory', this.baseUrl, { method: 'POST', path, timeoutMs });
    return res.body;
  }
}
