import { Router } from 'express';
import { z } from 'zod';
import { HttpError } from '@tracecart/http-kit';
import { readDeadLetters, type DeadLetterSource } from '../dead-letters/read-dead-letters';

/** The most dead letters one answer lists. */
export const MAX_DEAD_LETTERS = 200;

const querySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(MAX_DEAD_LETTERS).default(20) });

/**
 * GET /api/lab/dead-letters?limit=N: the order.placed messages fulfilment gave up on, as it lists
 * them. When fulfilment does not answer, `unavailable` says why with status 200, like the pools.
 */
export function deadLetterRoutes(source: DeadLetterSource): Router {
  const router = Router();
  router.get('/api/lab/dead-letters', async (req, res) => {
    const query = querySchema.safeParse(req.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      throw new HttpError(400, 'invalid_request', `${issue.path.length ? issue.path.join('.') : 'query'}: ${issue.message}`);
    }
    res.json(await readDeadLetters(source, query.data.limit));
  });
  return router;
}
