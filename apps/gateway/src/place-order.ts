import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError } from '@tracecart/http-kit';
import { addSpanEvent } from '@tracecart/tracing';
import { LAB_ATTRIBUTES, LAB_EVENTS, type CheckoutRequest } from '@tracecart/contracts';
import type { CreatedOrder, OrderClient } from './clients/order-client';

// Below this a retry cannot finish: order keeps 250 ms of the budget it is given for itself.
const MIN_RETRY_BUDGET_MS = 500;
// While order is gone (a crash, a restart), how often it is asked whether it is back.
const PROBE_INTERVAL_MS = 100;
const PROBE_TIMEOUT_MS = 1000;

/**
 * Asks order for the checkout once, and once more with the same key and body when the first
 * call ended without a definite answer: a dropped connection or a 503. The key makes that retry
 * safe: if the first call committed, order replays its order; if not, it places it now. A 503
 * injected by the chaos switch is not retried, so the switch fails the share it says it fails.
 */
export async function placeOrder(orders: OrderClient, request: CheckoutRequest, key: string, budgetMs: number): Promise<CreatedOrder> {
  const deadline = Date.now() + budgetMs;
  try {
    return await orders.createOrder(request, key, budgetMs);
  } catch (error) {
    if (!isRetryable(error)) throw error;
    addSpanEvent(LAB_EVENTS.checkoutRetry, { [LAB_ATTRIBUTES.checkoutRetryReason]: error.message });
    const leftMs = await waitForOrder(orders, deadline);
    if (leftMs === undefined) throw withRetryAdvice(error, key);
    const retried = await orders.createOrder(request, key, leftMs).catch((retryError: unknown) => {
      throw isRetryable(retryError) ? withRetryAdvice(retryError, key) : retryError;
    });
    // The shopper asked once: order replaying the gateway's own first call is no replay to them.
    return { order: retried.order, replayed: false };
  }
}

function isRetryable(error: unknown): error is HttpError {
  return error instanceof HttpError && error.status === 503 && error.code !== 'injected_fault';
}

// Waits, within the deadline, until order answers again; the milliseconds then left for the
// retry, or undefined when too few remain.
async function waitForOrder(orders: OrderClient, deadline: number): Promise<number | undefined> {
  for (;;) {
    const spareMs = deadline - Date.now() - MIN_RETRY_BUDGET_MS;
    if (spareMs <= 0) return undefined;
    if (await orders.isUp(Math.min(PROBE_TIMEOUT_MS, spareMs))) return deadline - Date.now();
    await sleep(Math.min(PROBE_INTERVAL_MS, spareMs));
  }
}

// Whether a call order never answered committed cannot be known here; the key settles it later.
function withRetryAdvice(error: HttpError, key: string): HttpError {
  const advice = `a retry with Idempotency-Key ${key} returns the order if it was placed and never orders twice`;
  return new HttpError(error.status, error.code, `${error.message}; ${advice}`);
}
