import { createLogger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import { serve } from '@tracecart/http-kit';
import { IndexReconciler } from '@tracecart/flags';
import { readConsoleConfig } from './config';
import { createApp } from './app';
import { LoadSession } from './load/load-session';

async function main(): Promise<void> {
  const logger = createLogger('console');
  const config = readConsoleConfig(process.env);
  // Index builds hold a connection for a while; CONCURRENTLY needs no statement timeout.
  const pool = createPool(config.DATABASE_URL, { applicationName: 'console', max: 5, statementTimeoutMs: 0 });
  const reconciler = new IndexReconciler(pool, (err) => logger.error({ err }, 'fix.index could not be applied'));
  // A build interrupted by a previous stop is finished (or undone) now.
  void reconciler.reconcile();
  const loads = new LoadSession({ gatewayUrl: config.GATEWAY_URL, catalogSize: config.CATALOG_SIZE });
  // Registered before serve()'s own handlers so they run first: open event streams would
  // otherwise keep the server from closing.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void loads.close());
  const app = createApp({ pool, logger, reconciler, config, loads });
  await serve(app, { port: config.PORT, host: config.HOST, logger, onShutdown: () => pool.end() });
}

main().catch((error: Error) => {
  console.error(`console: ${error.message}`);
  process.exit(1);
});
