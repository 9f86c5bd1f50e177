import { Router } from 'express';
import { parseOrThrow } from '@tracecart/http-kit';
import {
  heldReservationsQuerySchema,
  orderIdSchema,
  releaseAbandonedRequestSchema,
  reservationRequestSchema,
  type ReleaseAbandonedResponse,
} from '@tracecart/contracts';
import type { ReservationRepo } from '../reservation-repo';
import type { ShippingRepo } from '../shipping-repo';

/**
 * POST /reservations (hold all lines or none), POST /reservations/:orderId/release,
 * POST /reservations/:orderId/ship (fulfilment's, idempotent), and for the
 * order service's sweep: GET /reservations/held and POST /reservations/release-abandoned. They
 * change only stock, which the catalog cache never holds, so none of them touches the cache.
 */
export function reservationRoutes(reservations: ReservationRepo, shipping: ShippingRepo): Router {
  const router = Router();

  router.post('/reservations', async (req, res) => {
    const { orderId, items } = parseOrThrow(reservationRequestSchema, req.body);
    const held = await reservations.reserve(orderId, items);
    res.status(201).json(held);
  });

  router.post('/reservations/:orderId/release', async (req, res) => {
    const orderId = parseOrThrow(orderIdSchema, req.params.orderId);
    const released = await reservations.release(orderId);
    res.json(released);
  });

  router.post('/reservations/:orderId/ship', async (req, res) => {
    const orderId = parseOrThrow(orderIdSchema, req.params.orderId);
    res.json(await shipping.ship(orderId));
  });

  router.get('/reservations/held', async (req, res) => {
    res.json(await reservations.listHeld(parseOrThrow(heldReservationsQuerySchema, req.query)));
  });

  router.post('/reservations/release-abandoned', async (req, res) => {
    const { orderIds, olderThanMs } = parseOrThrow(releaseAbandonedRequestSchema, req.body);
    const released = await reservations.releaseAbandoned(orderIds, olderThanMs);
    const body: ReleaseAbandonedResponse = { released: released.map((r) => r.orderId) };
    res.json(body);
  });

  return router;
}
