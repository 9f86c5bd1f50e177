import { Router } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '@tracecart/http-kit';
import type { DeadLettersResponse } from '@tracecart/contracts';
import type { OrderQueue } from '@tracecart/queue';

/** GET /dead-letters query: how many to list, 1 to 200 (50 by default). */
export const deadLettersQuerySchema = z.object({
  limit: z.coerce.number('must be a number').int('must be a whole number').min(1).max(200).default(50),
});

/** GET /dead-letters?limit=N: the order.placed messages that failed every attempt, for the console. */
export function deadLetterRoutes(queue: Pick<OrderQueue, 'deadLetters'>): Router {
  const router = Router();
  router.get('/dead-letters', async (req, res) => {
    const { limit } = parseOrThrow(deadLettersQuerySchema, req.query);
    const deadLetters = (await queue.deadLetters(limit)).map((letter) => ({ ...letter, createdOn: letter.createdOn.toISOString() }));
    const body: DeadLettersResponse = { deadLetters };
    res.json(body);
  });
  return router;
}
