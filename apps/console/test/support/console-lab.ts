import pino from 'pino';
import { createPool, type Pool } from '@tracecart/db';
import { IndexReconciler } from '@tracecart/flags';
import { startTracestore, type TracestoreHandle } from '@tracecart/tracestore';
import { createTestDatabase, listenOnLoopback, startStack, type RunningServer, type Stack, type TestDatabase } from '@tracecart/testkit';
import { createApp } from '../../src/app';
import { LoadSession } from '../../src/load/load-session';
import type { ConsoleConfig } from '../../src/config';

/** A whole lab for one test file: database, tracestore, the three services (fulfilment too when asked) and the console in-process. */
export interface ConsoleLab {
  db: TestDatabase;
  tracestore: TracestoreHandle;
  stack: Stack;
  console: RunningServer;
  /** The tracestore's /api/v3 base URL. */
  queryUrl: string;
  /** Index builds and errors the console's reconciler reported. */
  reconcilerErrors: Error[];
  stop(): Promise<void>;
}

/** Options of startConsoleLab. */
export interface ConsoleLabOptions {
  catalogSize: number;
  adminToken?: string;
  config?: Partial<ConsoleConfig>;
  loads?: LoadSession;
  /** Extra environment for gateway, order and inventory, e.g. `TRACING_EXPLAIN_MS`. */
  stackEnv?: Record<string, string>;
  /** Also run fulfilment (and its carrier stub), the consumer of the checkouts' order.placed messages. */
  fulfilment?: boolean;
}

/** A loopback port nothing listens on (one held a moment ago): a lab part the test did not start. */
async function closedPortUrl(): Promise<string> {
  const server = await listenOnLoopback((_req, res) => res.end());
  await server.close();
  return server.url;
}

/** Starts every part on ephemeral loopback ports; stop() undoes whatever had started, in reverse. */
export async function startConsoleLab(options: ConsoleLabOptions): Promise<ConsoleLab> {
  const undo: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of undo.reverse()) await step();
  };
  try {
    const db = await createTestDatabase({ catalogSize: options.catalogSize });
    undo.push(() => db.drop());
    const tracestore = await startTracestore({ otlpPort: 0, queryPort: 0, logger: pino({ level: 'silent' }) });
    undo.push(() => tracestore.close());
    const stack = await startStack({
      databaseUrl: db.url,
      otlpEndpoint: `http://127.0.0.1:${tracestore.otlpPort}`,
      env: options.stackEnv,
      fulfilment: options.fulfilment ? {} : undefined,
    });
    undo.push(() => stack.stop());
    const queryUrl = `http://127.0.0.1:${tracestore.queryPort}`;
    // As in main.ts: index builds need a pool without a statement timeout.
    const pool: Pool = createPool(db.url, { applicationName: 'console', max: 5, statementTimeoutMs: 0 });
    undo.push(() => pool.end());
    const reconcilerErrors: Error[] = [];
    const reconciler = new IndexReconciler(pool, (error) => reconcilerErrors.push(error));
    const config = {
      JAEGER_QUERY_URL: queryUrl,
      JAEGER_UI_URL: 'http://jaeger.example:16686',
      GATEWAY_URL: stack.gateway.url,
      INVENTORY_URL: stack.inventory.url,
      // Without a fulfilment of its own the lab must not read one running on the default port.
      FULFILMENT_URL: stack.fulfilment?.url ?? (await closedPortUrl()),
      CATALOG_SIZE: options.catalogSize,
      LAB_ADMIN_TOKEN: options.adminToken,
      ...options.config,
    };
    const loads = options.loads ?? new LoadSession({ gatewayUrl: config.GATEWAY_URL, catalogSize: config.CATALOG_SIZE });
    const app = createApp({ pool, logger: pino({ level: 'silent' }), reconciler, config, loads });
    const server = await listenOnLoopback(app);
    undo.push(() => loads.close());
    // The reconciler may still be building or dropping the index: let it finish before the pool closes.
    undo.push(() => reconciler.reconcile().then(() => server.close()));
    return { db, tracestore, stack, console: server, queryUrl, reconcilerErrors, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
