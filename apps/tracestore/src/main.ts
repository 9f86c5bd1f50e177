// The tracestore process: `node dist/main.js`. It runs without the tracing preload on purpose:
// a trace backend that traced its own OTLP requests would feed on itself.
import { ConfigError } from '@tracecart/http-kit';
import { createLogger } from '@tracecart/tracing';
import { readTracestoreConfig } from './config';
import { ListenError } from './listen';
import { startTracestore } from './start';

function exitWith(message: string): never {
  process.stderr.write(`tracestore: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const logger = createLogger('tracestore');
  const config = readTracestoreConfig(process.env);
  const tracestore = await startTracestore({ ...config, logger });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void tracestore.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ListenError) exitWith(error.message);
  exitWith(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
