import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { parseOrThrow } from '@tracecart/http-kit';
import { currentTraceId } from '@tracecart/tracing';
import type { FlagValues } from '@tracecart/flags';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  checkoutHeadersSchema,
  checkoutRequestSchema,
} from '@tracecart/contracts';
import type { OrderClient } from '../clients/order-client';
import { placeOrder } from '../place-order';
import { RECEIPT_SIGNATURE_HEADER, signReceipt } from '../sign-receipt';

/**
 * POST /api/checkout: validates at the edge, then asks order to place the order within budgetMs.
 * With problem.sync-cpu on, the order's receipt is signed before answering: on the event loop,
 * or with fix.offload on libuv's thread pool.
 */
export function checkoutRoutes(orders: OrderClient, budgetMs: number, flags: () => FlagValues): Router {
  const router = Router();
  router.post('/api/checkout', async (req, res) => {
    const headers = parseOrThrow(checkoutHeadersSchema, { 'idempotency-key': req.get(IDEMPOTENCY_KEY_HEADER) });
    const request = parseOrThrow(checkoutRequestSchema, req.body);
    // Every checkout reaches order with a key, so no retry, the gateway's or the shopper's with
    // the key echoed here, can order twice.
    const key = headers['idempotency-key'] ?? randomUUID();
    res.set(IDEMPOTENCY_KEY_HEADER, key);
    const created = await placeOrder(orders, request, key, budgetMs);
    if (created.replayed) res.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
    const switches = flags();
    if (switches['problem.sync-cpu']) {
      const receipt = `${created.order.orderId}:${created.order.totalCents}`;
      res.set(RECEIPT_SIGNATURE_HEADER, await signReceipt(receipt, switches['fix.offload'] ? 'offload' : 'sync'));
    }
    // A replay answers with the first response, whose traceId is the first attempt's trace.
    res.status(201).json({ ...created.order, traceId: created.order.traceId ?? currentTraceId() });
  });
  return router;
}
