import { Router } from 'express';
import type { LabInfo } from '../api-types';
import { LOAD_LIMITS } from '../load/load-request';
import type { LoadSession } from '../load/load-session';
import type { ConsoleConfig } from '../config';

/** GET /api/lab: the Jaeger UI address, the catalog size, the cache backend and the load bounds. */
export function labInfoRoutes(
  config: Pick<ConsoleConfig, 'JAEGER_UI_URL' | 'CATALOG_SIZE' | 'CACHE_BACKEND'>,
  session: LoadSession,
  adminTokenRequired: boolean,
): Router {
  const router = Router();
  router.get('/api/lab', (_req, res) => {
    const body: LabInfo = {
      jaegerUiUrl: config.JAEGER_UI_URL,
      catalogSize: config.CATALOG_SIZE,
      cacheBackend: config.CACHE_BACKEND ?? null,
      adminTokenRequired,
      load: { ...LOAD_LIMITS, unavailable: session.unavailableReason() ?? null },
    };
    res.json(body);
  });
  return router;
}
