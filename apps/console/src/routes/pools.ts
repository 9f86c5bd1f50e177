import { Router } from 'express';
import type { LabPools } from '../api-types';
import type { PoolSampler } from '../pools/pool-sampler';

/**
 * GET /api/lab/pools: Little's Law for inventory's connection pools over the last ~10 s (λ, W,
 * L measured and λ × W). When inventory does not answer, `unavailable` says why, with status 200:
 * the page keeps polling and shows the reason until inventory is back.
 */
export function poolRoutes(sampler: PoolSampler): Router {
  const router = Router();
  router.get('/api/lab/pools', async (_req, res) => {
    const body: LabPools = await sampler.current();
    res.json(body);
  });
  return router;
}
