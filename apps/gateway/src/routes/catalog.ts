import { Router } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '@tracecart/http-kit';
import { skuSchema } from '@tracecart/contracts';
import type { InventoryClient } from '../clients/inventory-client';
import type { OrderClient } from '../clients/order-client';

const orderIdSchema = z.uuid('must be a UUID');

/** GET /api/products/:sku and GET /api/orders/:id. */
export function catalogRoutes(inventory: InventoryClient, orders: OrderClient): Router {
  const router = Router();
  router.get('/api/products/:sku', async (req, res) => {
    res.json(await inventory.getProduct(parseOrThrow(skuSchema, req.params.sku)));
  });
  router.get('/api/orders/:id', async (req, res) => {
    res.json(await orders.getOrder(parseOrThrow(orderIdSchema, req.params.id)));
  });
  return router;
}
