import type { Express } from 'express';
import type { Pool } from 'pg';
import { createServiceApp, finishServiceApp, healthRoutes, jsonBody } from '@tracecart/http-kit';
import { pingDatabase } from '@tracecart/db';
import { isChallengeRunning, type IndexReconciler } from '@tracecart/flags';
import { createJaegerClient } from '@tracecart/jaeger-client';
import type { Logger } from '@tracecart/tracing';
import { requireAdminForWrites } from './admin-auth';
import { LoadSession } from './load/load-session';
import { ChallengeSession } from './challenge/challenge-session';
import { runCheckLoad } from './challenge/check-load';
import { challengeRoutes } from './routes/challenge';
import { checkoutRoutes } from './routes/checkout';
import { COMPARE_PATHS, compareRoutes } from './routes/compare';
import { deadLetterRoutes } from './routes/dead-letters';
import { flagRoutes } from './routes/flags';
import { labInfoRoutes } from './routes/lab-info';
import { labServicesRoutes } from './routes/lab-services';
import { loadRoutes } from './routes/load';
import { poolRoutes } from './routes/pools';
import { PoolSampler } from './pools/pool-sampler';
import { traceRoutes } from './routes/traces';
import { webPageRoutes } from './routes/web-page';
import { DEFAULT_CONSOLE_CONFIG, DEFAULT_WEB_ROOT, type ConsoleConfig } from './config';

/** What the console needs from outside. */
export interface ConsoleDeps {
  pool: Pool;
  logger: Logger;
  reconciler: IndexReconciler;
  /**
   * Where Jaeger and the gateway are, and LAB_ADMIN_TOKEN, which writes need when set; the lab's
   * defaults for anything left out.
   */
  config?: Partial<ConsoleConfig>;
  /** The built page; dist/web when left out. */
  webRoot?: string;
  /** The one load run at a time; made from the config when left out. */
  loads?: LoadSession;
  /** The challenge; made from the config when left out. */
  challenge?: ChallengeSession;
}

/** Builds the console Express app; it never listens. */
export function createApp(deps: ConsoleDeps): Express {
  const config: ConsoleConfig = { ...DEFAULT_CONSOLE_CONFIG, ...deps.config };
  const adminToken = config.LAB_ADMIN_TOKEN;
  const loads = deps.loads ?? new LoadSession({ gatewayUrl: config.GATEWAY_URL, catalogSize: config.CATALOG_SIZE });
  const traces = {
    jaeger: createJaegerClient(config.JAEGER_QUERY_URL, { timeoutMs: 10_000 }),
    jaegerQueryUrl: config.JAEGER_QUERY_URL,
    jaegerUiUrl: config.JAEGER_UI_URL,
    logger: deps.logger,
    challengeRunning: () => isChallengeRunning(deps.pool),
  };
  const challenge =
    deps.challenge ??
    new ChallengeSession({
      pool: deps.pool,
      reconciler: deps.reconciler,
      runLoad: (request) => runCheckLoad({ gatewayUrl: config.GATEWAY_URL, catalogSize: config.CATALOG_SIZE }, request),
      // A load panel run at the same time would skew the check's figures.
      busyReason: () => (loads.current().status === 'running' ? 'a load run is going: stop it before answering' : undefined),
      onError: (err) => deps.logger.error({ err }, 'checking a challenge answer failed'),
    });
  const { app } = createServiceApp('console', { pool: deps.pool });
  app.use(healthRoutes({ postgres: () => pingDatabase(deps.pool) }));
  app.use(webPageRoutes(deps.webRoot ?? DEFAULT_WEB_ROOT));
  app.use(requireAdminForWrites(adminToken, COMPARE_PATHS));
  app.use(jsonBody());
  app.use(flagRoutes(deps.pool, deps.reconciler));
  app.use(labInfoRoutes(config, loads, adminToken !== undefined));
  app.use(labServicesRoutes(config));
  app.use(poolRoutes(new PoolSampler({ inventoryUrl: config.INVENTORY_URL })));
  app.use(deadLetterRoutes({ fulfilmentUrl: config.FULFILMENT_URL, timeoutMs: 3_000 }));
  app.use(traceRoutes(traces));
  app.use(compareRoutes(traces));
  app.use(checkoutRoutes(config.GATEWAY_URL));
  app.use(loadRoutes(loads));
  app.use(challengeRoutes(challenge));
  return finishServiceApp(app, deps.logger);
}
