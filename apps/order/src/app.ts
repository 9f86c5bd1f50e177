import type { Express } from 'express';
import type { Pool } from 'pg';
import { callDownstream, createServiceApp, finishServiceApp, healthRoutes, jsonBody } from '@tracecart/http-kit';
import { pingDatabase } from '@tracecart/db';
import type { Logger } from '@tracecart/tracing';
import { DEFAULT_FLAGS, flagSpanAttributes, type FlagValues } from '@tracecart/flags';
import { InventoryClient } from '@tracecart/inventory-client';
import { OrderRepo } from './order-repo';
import { OrderService } from './order-service';
import { inventoryRetries } from './inventory-retries';
import { orderRoutes } from './routes/orders';
import type { OrderTestFaults } from './routes/test-fault';
import type { OrderOutbox } from './order-outbox';

/** What the order app needs from outside. */
export interface OrderDeps {
  pool: Pool;
  logger: Logger;
  inventoryUrl: string;
  checkoutTimeoutMs: number;
  /** The per-attempt timeout of problem.retries' retries; 100 ms when omitted. */
  inventoryAttemptTimeoutMs?: number;
  /** The live switches; all off (the N+1 path) when omitted. */
  flags?: () => FlagValues;
  /** Faults only tests switch on; none when omitted. */
  testFaults?: OrderTestFaults;
  /** The order.placed queue a committed order is announced on; none (no message) when omitted. */
  outbox?: OrderOutbox;
}

/** Builds the order Express app; it never listens. */
export function createApp(deps: OrderDeps): Express {
  const flags = deps.flags ?? (() => DEFAULT_FLAGS);
  const orders = new OrderRepo(deps.pool);
  const service = new OrderService({
    pool: deps.pool,
    orders,
    inventory: new InventoryClient(deps.inventoryUrl, { retries: inventoryRetries(flags, deps.inventoryAttemptTimeoutMs) }),
    logger: deps.logger,
    batchLookups: () => flags()['fix.batch'],
    outbox: deps.outbox,
  });
  const { app } = createServiceApp('order', { pool: deps.pool });
  app.use(
    healthRoutes({
      postgres: () => pingDatabase(deps.pool),
      inventory: () => callDownstream('inventory', deps.inventoryUrl, { method: 'GET', path: '/healthz', timeoutMs: 1000 }),
    }),
  );
  app.use(flagSpanAttributes(flags));
  app.use(jsonBody());
  app.use(orderRoutes(service, orders, deps.checkoutTimeoutMs, deps.testFaults));
  return finishServiceApp(app, deps.logger);
}
