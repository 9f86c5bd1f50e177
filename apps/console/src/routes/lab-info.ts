import { Router } from 'express';
import type { LabInfo } from '../api-types';
import { LOAD_LIMITS } from '../load/load-request';
import type { LoadSession } from '../load/load-session';
import type { ConsoleSettings } from '../settings';

/** GET /api/lab: the Jaeger UI address, the catalog size, the cache backend and the load bounds. */
export function labInfoRoutes(settings: ConsoleSettings, session: LoadSession, adminTokenRequired: boolean): Router {
  const router = Router();
  router.get('/api/lab', (_req, res) => {
    const body: LabInfo = {
      jaegerUiUrl: settings.jaegerUiUrl,
      catalogSize: settings.catalogSize,
      cacheBackend: settings.cacheBackend ?? null,
      adminTokenRequired,
      load: { ...LOAD_LIMITS, unavailable: session.unavailableReason() ?? null },
    };
    res.json(body);
  });
  return router;
}
