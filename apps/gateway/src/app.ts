import type { Express } from 'express';
import { callDownstream, createServiceApp, finishServiceApp, healthRoutes, jsonBody } from '@tracecart/http-kit';
import type { Logger } from '@tracecart/tracing';
import { DEFAULT_FLAGS, flagSpanAttributes, type FlagValues } from '@tracecart/flags';
import { InventoryClient } from '@tracecart/inventory-client';
import type { GatewayConfig } from './config';
import { OrderClient } from './clients/order-client';
import { checkoutRoutes } from './routes/checkout';
import { catalogRoutes } from './routes/catalog';
import { traceResponseHeader } from './trace-response';

/** What the gateway needs from outside. */
export interface GatewayDeps {
  logger: Logger;
  config: Pick<GatewayConfig, 'ORDER_URL' | 'INVENTORY_URL' | 'CHECKOUT_TIMEOUT_MS' | 'READ_TIMEOUT_MS'>;
  /** The live switches; all off when omitted. */
  flags?: () => FlagValues;
}

/** Builds the gateway Express app; it never listens. */
export function createApp({ logger, config, flags = () => DEFAULT_FLAGS }: GatewayDeps): Express {
  const orders = new OrderClient(config.ORDER_URL, config.READ_TIMEOUT_MS);
  const inventory = new InventoryClient(config.INVENTORY_URL);
  const ping = (service: string, url: string) => () => callDownstream(service, url, { method: 'GET', path: '/healthz', timeoutMs: 1000 });
  const { app } = createServiceApp('gateway');
  app.use(healthRoutes({ order: ping('order', config.ORDER_URL), inventory: ping('inventory', config.INVENTORY_URL) }));
  app.use(traceResponseHeader());
  app.use(flagSpanAttributes(flags));
  app.use(jsonBody());
  app.use(checkoutRoutes(orders, config.CHECKOUT_TIMEOUT_MS, flags));
  app.use(catalogRoutes(inventory, orders, config.READ_TIMEOUT_MS));
  return finishServiceApp(app, logger);
}
