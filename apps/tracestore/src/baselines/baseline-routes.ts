import { Router } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '@tracecart/http-kit';
import { normalizeStatementCached } from '@tracecart/trace-analysis';
import type { BaselineStore } from './baseline-store';

/** Where the lab's own routes live on the query port, beside Jaeger's /api/v3. */
export const BASELINES_PATH = '/api/lab/baselines';

const name = z.string().min(1).max(1024);

const listQuery = z.object({ service: name, operation: name.optional() });

const percentileQuery = z.object({
  service: name,
  operation: name,
  // A statement as sent or already normalized: normalizing is idempotent, so both find the key.
  statement: z.string().min(1).max(65_536).transform((text) => normalizeStatementCached(text)).optional(),
  durationMs: z.string().trim().min(1).pipe(z.coerce.number<string>().finite().min(0)),
});

/**
 * GET /api/lab/baselines (recent durations per operation and statement) and …/percentile (where
 * one duration falls, with the window it was measured over so a reader can say what "recent" means).
 */
export function baselineRoutes(baselines: BaselineStore): Router {
  const router = Router();

  router.get(BASELINES_PATH, (req, res) => {
    const { service, operation } = parseOrThrow(listQuery, req.query);
    res.json({ baselines: baselines.list(service, operation) });
  });

  router.get(`${BASELINES_PATH}/percentile`, (req, res) => {
    const { durationMs, ...key } = parseOrThrow(percentileQuery, req.query);
    res.json({ ...baselines.percentileOf(key, durationMs), windowMs: baselines.windowMs });
  });

  return router;
}
