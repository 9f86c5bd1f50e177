import { callDownstream } from '@tracecart/http-kit';
import {
  DEADLINE_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  type CheckoutRequest,
  type CheckoutResponse,
  type Order,
} from '@tracecart/contracts';

/** A created (or replayed) order as the order service answered. */
export interface CreatedOrder {
  order: CheckoutResponse;
  replayed: boolean;
}

/** Typed calls to the order service. */
export class OrderClient {
  constructor(
    private readonly baseUrl: string,
    private readonly readTimeoutMs: number,
  ) {}

  /** POST /orders once, with the idempotency key and what is left of this checkout's budget. */
  async createOrder(request: CheckoutRequest, idempotencyKey: string, budgetMs: number): Promise<CreatedOrder> {
    const res = await callDownstream<CheckoutResponse>('order', this.baseUrl, {
      method: 'POST',
      path: '/orders',
      body: request,
      headers: { [DEADLINE_HEADER]: String(budgetMs), [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
      timeoutMs: budgetMs,
    });
    return { order: res.body, replayed: res.headers[IDEMPOTENT_REPLAYED_HEADER] === 'true' };
  }

  /** Whether order's process answers at all (GET /healthz) within timeoutMs. */
  async isUp(timeoutMs: number): Promise<boolean> {
    return callDownstream('order', this.baseUrl, { method: 'GET', path: '/healthz', timeoutMs }).then(
      () => true,
      () => false,
    );
  }

  /** GET /orders/:id. */
  async getOrder(orderId: string): Promise<Order> {
    const path = `/orders/${encodeURIComponent(orderId)}`;
    const res = await callDownstream<Order>('order', this.baseUrl, { method: 'GET', path, timeoutMs: this.readTimeoutMs });
    return res.body;
  }
}
