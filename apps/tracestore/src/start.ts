import { createLogger, type Logger } from '@tracecart/tracing';
import { createOtlpApp, createQueryApp } from './app';
import { DEFAULT_CONFIG, type TracestoreConfig } from './config';
import { closeServer, listenOn } from './listen';
import { TraceStore } from './store/trace-store';

// The package entry for in-process use (the embedded demo launcher); `main.ts` is the process.
export { ListenError } from './listen';
export { readTracestoreConfig, DEFAULT_CONFIG } from './config';
export type { TracestoreConfig } from './config';

/** How to start an in-process tracestore; anything left out takes its default (port 0 = any free port). */
export interface StartTracestoreOptions extends Partial<TracestoreConfig> {
  logger?: Logger;
}

/** A running tracestore. */
export interface TracestoreHandle {
  /** The port the OTLP/HTTP receiver listens on. */
  readonly otlpPort: number;
  /** The port the /api/v3 query API listens on. */
  readonly queryPort: number;
  /** Stops both servers (requests in flight get a short grace period). */
  close(): Promise<void>;
}

// Field by field, so an option passed as undefined still gets its default.
function withDefaults(options: StartTracestoreOptions): TracestoreConfig {
  return {
    host: options.host ?? DEFAULT_CONFIG.host,
    otlpPort: options.otlpPort ?? DEFAULT_CONFIG.otlpPort,
    queryPort: options.queryPort ?? DEFAULT_CONFIG.queryPort,
    maxTraces: options.maxTraces ?? DEFAULT_CONFIG.maxTraces,
    maxPayloadBytes: options.maxPayloadBytes ?? DEFAULT_CONFIG.maxPayloadBytes,
  };
}

/**
 * Starts the tracestore in this process: both servers listening, one shared store. Rejects
 * with a ListenError naming the port (and closes what had started) when a port is taken.
 */
export async function startTracestore(options: StartTracestoreOptions = {}): Promise<TracestoreHandle> {
  const config = withDefaults(options);
  const logger = options.logger ?? createLogger('tracestore');
  const store = new TraceStore(config.maxTraces);
  const appOptions = { maxPayloadBytes: config.maxPayloadBytes, logger };
  const otlp = await listenOn(createOtlpApp(store, appOptions), config.host, config.otlpPort, 'OTLP_HTTP_PORT');
  const query = await listenOn(createQueryApp(store, appOptions), config.host, config.queryPort, 'QUERY_HTTP_PORT').catch(
    async (error: unknown) => {
      await closeServer(otlp.server);
      throw error;
    },
  );
  logger.info({ host: config.host, otlpPort: otlp.port, queryPort: query.port, maxTraces: config.maxTraces }, 'listening');
  return {
    otlpPort: otlp.port,
    queryPort: query.port,
    close: async () => {
      await Promise.all([closeServer(otlp.server), closeServer(query.server)]);
    },
  };
}
