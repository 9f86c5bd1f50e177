import { callDownstream } from '@tracecart/http-kit';
import { DEADLINE_HEADER, type CheckoutRequest, type CheckoutResponse, type Order } from '@tracecart/contracts';

/** A created (or replayed) order as the order service answered. */
export interface CreatedOrder {
  order: CheckoutResponse;
  replayed: boolean;
}

/** Typed calls to the order service. */
export class OrderClient {
  constructor(
    private readonly baseUrl: string,
    private readonly checkoutTimeoutMs: number,
    private readonly readTimeoutMs: number,
  ) {}

  /** POST /orders, passing the idempotency key and this checkout's time budget along. */
  async createOrder(request: CheckoutRequest, idempotencyKey: string | undefined): Promise<CreatedOrder> {
    const headers: Record<string, string> = { [DEADLINE_HEADER]: String(this.checkoutTimeoutMs) };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const res = await callDownstream<CheckoutResponse>('order', this.baseUrl, {
      method: 'POST',
      path: '/orders',
      body: request,
      headers,
      timeoutMs: this.checkoutTimeoutMs,
    });
    return { order: res.body, replayed: res.headers['idempotent-replayed'] === 'true' };
  }

  /** GET /orders/:id. */
  async getOrder(orderId: string): Promise<Order> {
    const path = `/orders/${encodeURIComponent(orderId)}`;
    const res = await callDownstream<Order>('order', this.baseUrl, { method: 'GET', path, timeoutMs: this.readTimeoutMs });
    return res.body;
  }
}
