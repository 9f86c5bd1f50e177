import { Router } from 'express';
import type { Pool } from 'pg';
import { HttpError } from '@tracecart/http-kit';
import { FlagError, PROBLEM_NAMES, isChallengeRunning, publicFlagSnapshot, readFlagSnapshot, writeFlag, type IndexReconciler } from '@tracecart/flags';

function toHttpError(error: unknown): unknown {
  if (!(error instanceof FlagError)) return error;
  return error.kind === 'unknown_flag'
    ? new HttpError(404, 'not_found', error.message)
    : new HttpError(400, 'invalid_request', error.message);
}

const isProblem = (name: string): boolean => (PROBLEM_NAMES as readonly string[]).includes(name);

/**
 * GET /api/flags and PUT /api/flags/:name {value}: the lab's switches. While a challenge runs
 * the problem switches are withheld and cannot be set (409), so they give nothing away.
 */
export function flagRoutes(pool: Pool, reconciler: IndexReconciler): Router {
  const router = Router();

  router.get('/api/flags', async (_req, res) => {
    res.json(publicFlagSnapshot(await readFlagSnapshot(pool)));
  });

  router.put('/api/flags/:name', async (req, res) => {
    const body = req.body as { value?: unknown } | undefined;
    if (!body || typeof body !== 'object' || !('value' in body)) {
      throw new HttpError(400, 'invalid_request', 'value: required, e.g. {"value": true}');
    }
    if (isProblem(req.params.name) && (await isChallengeRunning(pool))) {
      throw new HttpError(409, 'challenge_running', 'a challenge is running: the problem switches are hidden until it is answered or given up');
    }
    await writeFlag(pool, req.params.name, body.value).catch((error: unknown) => {
      throw toHttpError(error);
    });
    // The index builds in the background; until then the snapshot lists fix.index as pending.
    if (req.params.name === 'fix.index') void reconciler.reconcile();
    res.json(publicFlagSnapshot(await readFlagSnapshot(pool)));
  });

  return router;
}
