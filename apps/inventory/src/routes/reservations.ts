import { Router } from 'express';
import { parseOrThrow } from '@tracecart/http-kit';
import { orderIdSchema, reservationRequestSchema } from '@tracecart/contracts';
import type { ReservationRepo } from '../reservation-repo';
import type { ProductCatalog } from '../product-catalog';

/** POST /reservations (hold all lines or none) and POST /reservations/:orderId/release. */
export function reservationRoutes(reservations: ReservationRepo, catalog: ProductCatalog): Router {
  const router = Router();

  router.post('/reservations', async (req, res) => {
    const { orderId, items } = parseOrThrow(reservationRequestSchema, req.body);
    const held = await reservations.reserve(orderId, items);
    await catalog.invalidate(held.items.map((i) => i.sku));
    res.status(201).json(held);
  });

  router.post('/reservations/:orderId/release', async (req, res) => {
    const orderId = parseOrThrow(orderIdSchema, req.params.orderId);
    const released = await reservations.release(orderId);
    await catalog.invalidate(released.items.map((i) => i.sku));
    res.json(released);
  });

  return router;
}
