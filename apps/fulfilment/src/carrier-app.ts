import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import type { Express } from 'express';
import { createServiceApp, finishServiceApp, healthRoutes, jsonBody, parseOrThrow } from '@tracecart/http-kit';
import type { Logger } from '@tracecart/tracing';
import { labelRequestSchema, type LabelResponse } from './carrier-label';

/** What the carrier stub needs. */
export interface CarrierDeps {
  logger: Logger;
  /** How long each label takes, as a remote carrier's API would. */
  latencyMs: number;
}

// The same order always gets the same label, as a carrier's idempotent label API would give it.
function labelOf(orderId: string): string {
  return `LBL-${createHash('sha256').update(orderId).digest('hex').slice(0, 12).toUpperCase()}`;
}

/** The carrier stub: POST /labels answers after a fixed latency. Never listens itself. */
export function createCarrierApp(deps: CarrierDeps): Express {
  const { app } = createServiceApp('carrier');
  app.use(healthRoutes({}));
  app.use(jsonBody());
  app.post('/labels', async (req, res) => {
    const { orderId } = parseOrThrow(labelRequestSchema, req.body);
    await sleep(deps.latencyMs);
    const body: LabelResponse = { orderId, label: labelOf(orderId) };
    res.status(201).json(body);
  });
  return finishServiceApp(app, deps.logger);
}
