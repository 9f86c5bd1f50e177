import { Router } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '@tracecart/http-kit';
import type { ChallengeSession } from '../challenge/challenge-session';
import { parseLoadRequest } from '../load/load-request';

// The check's load when the answer names none: long enough for a p99, short enough to wait for.
export const DEFAULT_CHECK_LOAD = Object.freeze({ rate: 40, duration: '10s' });

const startBody = z.strictObject({ seed: z.number().int().min(1).max(2 ** 31 - 1).optional() });
const answerBody = z.strictObject({ fix: z.string(), load: z.record(z.string(), z.unknown()).optional() });

/**
 * The challenge: GET /api/challenge is its state; POST /api/challenge {seed?} starts one;
 * POST /api/challenge/answer {fix, load?} checks an answer in the background (202; the load's
 * fields as POST /api/load takes them); POST /api/challenge/give-up reveals the problem.
 */
export function challengeRoutes(session: ChallengeSession): Router {
  const router = Router();

  router.get('/api/challenge', async (_req, res) => {
    res.json(await session.view());
  });

  router.post('/api/challenge', async (req, res) => {
    const { seed } = parseOrThrow(startBody, req.body ?? {});
    res.status(201).json(await session.start(seed));
  });

  router.post('/api/challenge/answer', async (req, res) => {
    const { fix, load } = parseOrThrow(answerBody, req.body);
    res.status(202).json(await session.answer(fix, parseLoadRequest(load ?? DEFAULT_CHECK_LOAD)));
  });

  router.post('/api/challenge/give-up', async (_req, res) => {
    res.json(await session.giveUp());
  });

  return router;
}
