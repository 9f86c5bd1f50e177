import { Router } from 'express';
import { parseOrThrow } from '@tracecart/http-kit';
import { currentTraceId } from '@tracecart/tracing';
import { checkoutHeadersSchema, checkoutRequestSchema } from '@tracecart/contracts';
import type { OrderClient } from '../clients/order-client';

/** POST /api/checkout: validates at the edge, then asks order to place the order. */
export function checkoutRoutes(orders: OrderClient): Router {
  const router = Router();
  router.post('/api/checkout', async (req, res) => {
    const headers = parseOrThrow(checkoutHeadersSchema, { 'idempotency-key': req.get('idempotency-key') });
    const request = parseOrThrow(checkoutRequestSchema, req.body);
    const created = await orders.createOrder(request, headers['idempotency-key']);
    if (created.replayed) res.set('idempotent-replayed', 'true');
    // A replay answers with the first response, whose traceId is the first attempt's trace.
    res.status(201).json({ ...created.order, traceId: created.order.traceId ?? currentTraceId() });
  });
  return router;
}
