import { Router } from 'express';
import { HttpError, parseOrThrow } from '@tracecart/http-kit';
import {
  DEADLINE_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  checkoutHeadersSchema,
  checkoutRequestSchema,
  orderIdSchema,
} from '@tracecart/contracts';
import type { OrderService } from '../order-service';
import type { OrderRepo } from '../order-repo';
import { Deadline } from '../deadline';
import { crashAfterCommitIfAsked, type OrderTestFaults } from './test-fault';

/** POST /orders and GET /orders/:id; testFaults stays empty outside tests. */
export function orderRoutes(service: OrderService, orders: OrderRepo, checkoutTimeoutMs: number, testFaults: OrderTestFaults = {}): Router {
  const router = Router();

  router.post('/orders', async (req, res) => {
    const headers = parseOrThrow(checkoutHeadersSchema, { 'idempotency-key': req.get('idempotency-key') });
    const request = parseOrThrow(checkoutRequestSchema, req.body);
    const deadline = Deadline.fromBudget(req.get(DEADLINE_HEADER), checkoutTimeoutMs);
    const placed = await service.placeOrder(request, headers['idempotency-key'], deadline);
    if (!placed.replayed) crashAfterCommitIfAsked(testFaults, request.customerId);
    if (placed.replayed) res.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
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
