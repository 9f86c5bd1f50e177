import { Router } from 'express';
import { HttpError, parseOrThrow } from '@tracecart/http-kit';
import { lookupRequestSchema, skuSchema, type LookupResponse } from '@tracecart/contracts';
import type { ProductCatalog } from '../product-catalog';

/** GET /products/:sku and POST /products/lookup. */
export function productRoutes(products: ProductCatalog): Router {
  const router = Router();

  router.get('/products/:sku', async (req, res) => {
    const sku = parseOrThrow(skuSchema, req.params.sku);
    const product = await products.findOne(sku);
    if (!product) throw new HttpError(404, 'unknown_sku', `${sku} is not in the catalog`);
    res.json(product);
  });

  router.post('/products/lookup', async (req, res) => {
    const { skus } = parseOrThrow(lookupRequestSchema, req.body);
    const unique = [...new Set(skus)];
    const found = await products.findMany(unique);
    const body: LookupResponse = {
      products: unique.flatMap((sku) => found.get(sku) ?? []),
      missing: unique.filter((sku) => !found.has(sku)),
    };
    res.json(body);
  });

  return router;
}
