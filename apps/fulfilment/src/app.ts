import type { Express } from 'express';
import type { Pool } from 'pg';
import { createServiceApp, finishServiceApp, healthRoutes } from '@tracecart/http-kit';
import { pingDatabase } from '@tracecart/db';
import type { Logger } from '@tracecart/tracing';
import type { OrderQueue } from '@tracecart/queue';
import { registerFulfilmentMetrics, type LagRecorder } from './fulfilment-metrics';
import { deadLetterRoutes } from './routes/dead-letters';

/** What the fulfilment app needs from outside. */
export interface FulfilmentAppDeps {
  pool: Pool;
  logger: Logger;
  queue: Pick<OrderQueue, 'queueDepth' | 'deadLetters'>;
  /** The worker's current concurrency and deliveries in flight, read at scrape. */
  worker: { readonly concurrency: number; readonly busy: number };
}

/** The fulfilment app, and the recorder of its freshness histogram for the worker to call. */
export interface FulfilmentApp {
  app: Express;
  recordLag: LagRecorder;
}

/** Builds fulfilment's Express app (health, readiness, /metrics, /dead-letters); it never listens. */
export function createApp(deps: FulfilmentAppDeps): FulfilmentApp {
  const { app, metrics } = createServiceApp('fulfilment', { pool: deps.pool });
  const recordLag = registerFulfilmentMetrics(metrics, {
    queueDepth: () => deps.queue.queueDepth(),
    workers: () => deps.worker.concurrency,
    workersBusy: () => deps.worker.busy,
  });
  app.use(
    healthRoutes({
      postgres: () => pingDatabase(deps.pool),
      // Reads the queue's own tables: ready only once they exist and answer.
      queue: () => deps.queue.queueDepth(),
    }),
  );
  app.use(deadLetterRoutes(deps.queue));
  return { app: finishServiceApp(app, deps.logger), recordLag };
}
