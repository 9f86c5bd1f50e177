import { Router } from 'express';
import { HttpError, parseOrThrow } from '@tracecart/http-kit';
import { DEADLINE_HEADER, checkoutHeadersSchema, checkoutRequestSchema, orderIdSchema } from '@tracecart/contracts';
import type { OrderService } from '../order-service';
import type { OrderRepo } from '../order-repo';
import { Deadline } from '../deadline';

/** POST /orders and GET /orders/:id. */
export function orderRoutes(service: OrderService, orders: OrderRepo, checkoutTimeoutMs: number): Router {
  const router = Router();

  router.post('/orders', async (req, res) => {
    const headers = parseOrThrow(checkoutHeadersSchema, { 'idempotency-key': req.get('idempotency-key') });
    const request = parseOrThrow(checkoutRequestSchema, req.body);
    const deadline = Deadline.fromBudget(req.get(DEADLINE_HEADER), checkoutTimeoutMs);
    const placed = await service.placeOrder(request, headers['idempotency-key'], deadline);
    if (placed.replayed) res.set('idempotent-replayed', 'true');
    res.status(201).json(placed.response);
  });

  router.get('/orders/:id', async (req, res) => {
    const orderId = parseOrThrow(orderIdSchema, req.params.id);
    const order = await orders.findOrder(orderId);
    if (!order) throw new HttpError(404, 'not_found', `order ${orderId} does not exist`);
    res.json(order);
  });

  return router;
}
