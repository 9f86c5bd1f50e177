import type { Express } from 'express';
import type { Pool } from 'pg';
import { createServiceApp, finishServiceApp, healthRoutes, jsonBody } from '@tracecart/http-kit';
import { pingDatabase } from '@tracecart/db';
import { DEFAULT_FLAGS, flagSpanAttributes, type FlagValues } from '@tracecart/flags';
import type { Logger } from '@tracecart/tracing';
import { ProductRepo } from './product-repo';
import { ReservationRepo } from './reservation-repo';
import { ShippingRepo } from './shipping-repo';
import { ProductCatalog, type CacheResult } from './product-catalog';
import type { ProductCache } from './cache/product-cache';
import { chaosMiddleware } from './chaos';
import { productRoutes } from './routes/products';
import { reservationRoutes } from './routes/reservations';

/** What the inventory app needs from outside. */
export interface InventoryDeps {
  pool: Pool;
  /** The stock reports' own pool (fix.pool); shown beside the shared one in the per-pool metrics. */
  reportPool?: Pool;
  logger: Logger;
  /** The live switches; all off when omitted. */
  flags?: () => FlagValues;
  /** The product cache fix.cache turns on; without one the switch has no effect. */
  cache?: ProductCache;
}

/** Builds the inventory Express app; it never listens. */
export function createApp(deps: InventoryDeps): Express {
  const flags = deps.flags ?? (() => DEFAULT_FLAGS);
  const { app, metrics } = createServiceApp('inventory', { pool: deps.pool, extraPools: deps.reportPool ? [deps.reportPool] : [] });
  const cacheLookups = metrics.counter('cache_lookups_total', 'Catalog cache lookups by result: hit, miss or error.', ['result']);
  const countCacheResult = (result: CacheResult, count: number) => cacheLookups.inc({ result }, count);
  const catalog = new ProductCatalog(new ProductRepo(deps.pool), deps.cache, () => flags()['fix.cache'], countCacheResult);
  app.use(healthRoutes({ postgres: () => pingDatabase(deps.pool) }));
  app.use(flagSpanAttributes(flags));
  app.use(chaosMiddleware(flags));
  app.use(jsonBody());
  app.use(productRoutes(catalog));
  const reservationSwitches = () => ({ audit: flags()['problem.hot-row'], lockLast: flags()['fix.lock'] });
  app.use(reservationRoutes(new ReservationRepo(deps.pool, reservationSwitches), new ShippingRepo(deps.pool)));
  return finishServiceApp(app, deps.logger);
}
