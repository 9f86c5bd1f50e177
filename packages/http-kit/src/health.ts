import { Router } from 'express';
import { HttpError } from './http-error';

/** A named check of one dependency; it rejects when the dependency does not answer. */
export type ReadinessCheck = () => Promise<unknown>;

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(check: ReadinessCheck, name: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

/** /healthz (the process is up) and /readyz (every named dependency answers). */
export function healthRoutes(checks: Record<string, ReadinessCheck>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const names = Object.keys(checks);
    const results = await Promise.allSettled(names.map((name) => withTimeout(checks[name], name)));
    const failed = names.filter((_, i) => results[i].status === 'rejected');
    if (failed.length > 0) throw new HttpError(503, 'dependency_unavailable', `not ready: ${failed.join(', ')}`);
    res.json({ status: 'ready', checks: names });
  });
  return router;
}
