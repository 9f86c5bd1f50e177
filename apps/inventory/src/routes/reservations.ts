import { Router } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '@tracecart/http-kit';
import { reservationRequestSchema } from '@tracecart/contracts';
import type { ReservationRepo } from '../reservation-repo';

const orderIdSchema = z.uuid('must be a UUID');

/** POST /reservations (hold all lines or none) and POST /reservations/:orderId/release. */
export function reservationRoutes(reservations: ReservationRepo): Router {
  const router = Router();

  router.post('/reservations', async (req, res) => {
    const { orderId, items } = parseOrThrow(reservationRequestSchema, req.body);
    res.status(201).json(await reservations.reserve(orderId, items));
  });

  router.post('/reservations/:orderId/release', async (req, res) => {
    const orderId = parseOrThrow(orderIdSchema, req.params.orderId);
    res.json(await reservations.release(orderId));
  });

  return router;
}
