import { Router } from 'express';
import { HttpError, parseOrThrow } from '@tracecart/http-kit';
import { PRICING_VIEW_QUERY, lookupRequestSchema, skuSchema, type LookupResponse } from '@tracecart/contracts';
import type { ProductCatalog } from '../product-catalog';

/**
 * GET /products/:sku (with stock, read fresh; ?view=pricing: the catalog entry, through the cache)
 * and POST /products/lookup (catalog entries, through the cache).
 */
export function productRoutes(products: ProductCatalog): Router {
  const router = Router();

  router.get('/products/:sku', async (req, res) => {
    const sku = parseOrThrow(skuSchema, req.params.sku);
    const pricing = req.query.view === PRICING_VIEW_QUERY.view;
    const product = pricing ? await products.findEntry(sku) : await products.findProduct(sku);
    if (!product) throw new HttpError(404, 'unknown_sku', `${sku} is not in the catalog`);
    res.json(product);
  });

  router.post('/products/lookup', async (req, res) => {
    const { skus } = parseOrThrow(lookupRequestSchema, req.body);
    const unique = [...new Set(skus)];
    const found = await products.findEntries(unique);
    const body: LookupResponse = {
      products: unique.flatMap((sku) => found.get(sku) ?? []),
      missing: unique.filter((sku) => !found.has(sku)),
    };
    res.json(body);
  });

  return router;
}
