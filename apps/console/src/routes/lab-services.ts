import { Router } from 'express';
import { z } from 'zod';
import { HttpError } from '@tracecart/http-kit';
import type { LabServices } from '../api-types';
import type { ConsoleConfig } from '../config';
import { probeServices } from './readiness-probes';

const ASK_TIMEOUT_MS = 2000;

const supervisorAnswer = z.object({
  services: z.array(
    z.object({
      name: z.string(),
      state: z.enum(['up', 'restarting', 'starting', 'stopped', 'failed']),
      restarts: z.number().int().min(0),
      pid: z.number().int().nullable(),
      lastExit: z.string().nullable(),
    }),
  ),
});

async function askSupervisor(url: string): Promise<LabServices> {
  const unavailable = (why: string) => new HttpError(503, 'dependency_unavailable', `the demo's supervisor at ${url} ${why}`);
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(ASK_TIMEOUT_MS) });
    if (!response.ok) throw unavailable(`answered ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw error instanceof HttpError ? error : unavailable(`did not answer: ${(error as Error).message}`);
  }
  const parsed = supervisorAnswer.safeParse(body);
  if (!parsed.success) throw unavailable('answered something that is not a list of services');
  return { source: 'supervisor', services: parsed.data.services };
}

/**
 * GET /api/lab/services: each service's state and restart count from the supervisor that runs
 * them (LAB_SUPERVISOR_URL, set by `lab demo`), else from /readyz probes with restarts null.
 */
export function labServicesRoutes(config: Pick<ConsoleConfig, 'LAB_SUPERVISOR_URL' | 'GATEWAY_URL'>): Router {
  const router = Router();
  router.get('/api/lab/services', async (_req, res) => {
    const supervisorUrl = config.LAB_SUPERVISOR_URL;
    const body: LabServices = supervisorUrl ? await askSupervisor(supervisorUrl) : await probeServices(config.GATEWAY_URL, ASK_TIMEOUT_MS);
    res.json(body);
  });
  return router;
}
