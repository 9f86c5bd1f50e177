import { Router } from 'express';
import { parseOrThrow } from '@tracecart/http-kit';
import { orderIdSchema, skuSchema } from '@tracecart/contracts';
import type { InventoryClient } from '@tracecart/inventory-client';
import type { OrderClient } from '../clients/order-client';

/** GET /api/products/:sku and GET /api/orders/:id; a product read may take readTimeoutMs. */
export function catalogRoutes(inventory: InventoryClient, orders: OrderClient, readTimeoutMs: number): Router {
  const router = Router();
  router.get('/api/products/:sku', async (req, res) => {
    res.json(await inventory.getProduct(parseOrThrow(skuSchema, req.params.sku), readTimeoutMs));
  });
  router.get('/api/orders/:id', async (req, res) => {
    res.json(await orders.getOrder(parseOrThrow(orderIdSchema, req.params.id)));
  });
  return router;
}
