import { Router } from 'express';
import type { Pool } from 'pg';
import { HttpError } from '@tracecart/http-kit';
import { FlagError, readFlagSnapshot, writeFlag, type IndexReconciler } from '@tracecart/flags';

function toHttpError(error: unknown): unknown {
  if (!(error instanceof FlagError)) return error;
  return error.kind === 'unknown_flag'
    ? new HttpError(404, 'not_found', error.message)
    : new HttpError(400, 'invalid_request', error.message);
}

/** GET /api/flags and PUT /api/flags/:name {value}: the lab's switches. */
export function flagRoutes(pool: Pool, reconciler: IndexReconciler): Router {
  const router = Router();

  router.get('/api/flags', async (_req, res) => {
    res.json(await readFlagSnapshot(pool));
  });

  router.put('/api/flags/:name', async (req, res) => {
    const body = req.body as { value?: unknown } | undefined;
    if (!body || typeof body !== 'object' || !('value' in body)) {
      throw new HttpError(400, 'invalid_request', 'value: required, e.g. {"value": true}');
    }
    await writeFlag(pool, req.params.name, body.value).catch((error: unknown) => {
      throw toHttpError(error);
    });
    // The index builds in the background; until then the snapshot lists fix.index as pending.
    if (req.params.name === 'fix.index') void reconciler.reconcile();
    res.json(await readFlagSnapshot(pool));
  });

  return router;
}
