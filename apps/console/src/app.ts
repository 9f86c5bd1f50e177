import express, { type Express } from 'express';
import type { Pool } from 'pg';
import { errorMiddleware, healthRoutes, jsonBody, notFoundHandler } from '@tracecart/http-kit';
import { pingDatabase } from '@tracecart/db';
import type { IndexReconciler } from '@tracecart/flags';
import type { Logger } from '@tracecart/tracing';
import { requireAdminForWrites } from './admin-auth';
import { flagRoutes } from './routes/flags';

/** What the console needs from outside. */
export interface ConsoleDeps {
  pool: Pool;
  logger: Logger;
  reconciler: IndexReconciler;
  /** Required for writes when set (the console listens beyond loopback). */
  adminToken?: string;
}

/** Builds the console Express app; it never listens. */
export function createApp(deps: ConsoleDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes({ postgres: () => pingDatabase(deps.pool) }));
  app.use(requireAdminForWrites(deps.adminToken));
  app.use(jsonBody());
  app.use(flagRoutes(deps.pool, deps.reconciler));
  app.use(notFoundHandler());
  app.use(errorMiddleware(deps.logger));
  return app;
}
