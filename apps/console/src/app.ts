import type { Express } from 'express';
import type { Pool } from 'pg';
import { createServiceApp, finishServiceApp, healthRoutes, jsonBody } from '@tracecart/http-kit';
import { pingDatabase } from '@tracecart/db';
import type { IndexReconciler } from '@tracecart/flags';
import { createJaegerClient } from '@tracecart/jaeger-client';
import type { Logger } from '@tracecart/tracing';
import { requireAdminForWrites } from './admin-auth';
import { LoadSession } from './load/load-session';
import { checkoutRoutes } from './routes/checkout';
import { compareRoutes } from './routes/compare';
import { flagRoutes } from './routes/flags';
import { labInfoRoutes } from './routes/lab-info';
import { loadRoutes } from './routes/load';
import { traceRoutes } from './routes/traces';
import { webPageRoutes } from './routes/web-page';
import { DEFAULT_SETTINGS, type ConsoleSettings } from './settings';

/** What the console needs from outside. */
export interface ConsoleDeps {
  pool: Pool;
  logger: Logger;
  reconciler: IndexReconciler;
  /** Required for writes when set (the console listens beyond loopback). */
  adminToken?: string;
  /** Where Jaeger, the gateway and the built page are; the lab defaults for anything left out. */
  settings?: Partial<ConsoleSettings>;
  /** The one load run at a time; made from the settings when left out. */
  loads?: LoadSession;
}

/** Builds the console Express app; it never listens. */
export function createApp(deps: ConsoleDeps): Express {
  const settings: ConsoleSettings = { ...DEFAULT_SETTINGS, ...deps.settings };
  const loads = deps.loads ?? new LoadSession({ gatewayUrl: settings.gatewayUrl, catalogSize: settings.catalogSize });
  const traces = {
    jaeger: createJaegerClient(settings.jaegerQueryUrl, { timeoutMs: 10_000 }),
    jaegerQueryUrl: settings.jaegerQueryUrl,
    jaegerUiUrl: settings.jaegerUiUrl,
  };
  const { app } = createServiceApp('console', { pool: deps.pool });
  app.use(healthRoutes({ postgres: () => pingDatabase(deps.pool) }));
  app.use(webPageRoutes(settings.webRoot));
  app.use(requireAdminForWrites(deps.adminToken, ['/api/compare']));
  app.use(jsonBody());
  app.use(flagRoutes(deps.pool, deps.reconciler));
  app.use(labInfoRoutes(settings, loads, deps.adminToken !== undefined));
  app.use(traceRoutes(traces));
  app.use(compareRoutes(traces));
  app.use(checkoutRoutes(settings.gatewayUrl));
  app.use(loadRoutes(loads));
  return finishServiceApp(app, deps.logger);
}
