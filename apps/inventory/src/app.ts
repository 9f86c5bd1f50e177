import express, { type Express } from 'express';
import type { Pool } from 'pg';
import { errorMiddleware, healthRoutes, jsonBody, notFoundHandler } from '@tracecart/http-kit';
import { pingDatabase } from '@tracecart/db';
import type { Logger } from '@tracecart/tracing';
import { ProductRepo } from './product-repo';
import { ReservationRepo } from './reservation-repo';
import { productRoutes } from './routes/products';
import { reservationRoutes } from './routes/reservations';

/** What the inventory app needs from outside. */
export interface InventoryDeps {
  pool: Pool;
  logger: Logger;
}

/** Builds the inventory Express app; it never listens. */
export function createApp(deps: InventoryDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes({ postgres: () => pingDatabase(deps.pool) }));
  app.use(jsonBody());
  app.use(productRoutes(new ProductRepo(deps.pool)));
  app.use(reservationRoutes(new ReservationRepo(deps.pool)));
  app.use(notFoundHandler());
  app.use(errorMiddleware(deps.logger));
  return app;
}
