import { createLogger, type Logger } from '@tracecart/tracing';
import { createOtlpApp, createQueryApp } from './app';
import { DEFAULT_CONFIG, type TracestoreConfig } from './config';
import { BaselineStore } from './baselines/baseline-store';
import type { BaselineOptions } from './baselines/types';
import { closeServer, listenOn } from './listen';
import { startGrpcReceiver, stopGrpcReceiver } from './otlp/grpc-receiver';
import { TraceStore } from './store/trace-store';

// The package entry for in-process use (the embedded demo launcher); `main.ts` is the process.
export { ListenError } from './listen';
export { readTracestoreConfig, DEFAULT_CONFIG } from './config';
export type { TracestoreConfig } from './config';
export type { BaselineOptions, BaselineSummary, PercentileAnswer } from './baselines/types';

/**
 * How to start an in-process tracestore; anything left out takes its default (port 0 = any free
 * port). A grpcPort left out follows otlpPort: 4317 beside a fixed OTLP port, any free port
 * beside otlpPort 0, so callers that ask for free ports never take 4317.
 */
export interface StartTracestoreOptions extends Partial<TracestoreConfig> {
  logger?: Logger;
  /** Bounds and clock of the duration baselines (defaults: 2,000 keys, the last 10 minutes). */
  baselines?: Partial<BaselineOptions>;
}

/** A running tracestore. */
export interface TracestoreHandle {
  /** The port the OTLP/HTTP receiver listens on. */
  readonly otlpPort: number;
  /** The port the OTLP/gRPC receiver listens on. */
  readonly grpcPort: number;
  /** The port the /api/v3 query API listens on. */
  readonly queryPort: number;
  /** Stops the three servers (requests in flight get a short grace period). */
  close(): Promise<void>;
}

// Field by field, so an option passed as undefined still gets its default.
function withDefaults(options: StartTracestoreOptions): TracestoreConfig {
  const otlpPort = options.otlpPort ?? DEFAULT_CONFIG.otlpPort;
  return {
    host: options.host ?? DEFAULT_CONFIG.host,
    otlpPort,
    grpcPort: options.grpcPort ?? (otlpPort === 0 ? 0 : DEFAULT_CONFIG.grpcPort),
    queryPort: options.queryPort ?? DEFAULT_CONFIG.queryPort,
    maxTraces: options.maxTraces ?? DEFAULT_CONFIG.maxTraces,
    maxPayloadBytes: options.maxPayloadBytes ?? DEFAULT_CONFIG.maxPayloadBytes,
  };
}

// Starts one server after another; when one fails, those already started are stopped again.
async function startAll(starts: Array<() => Promise<{ port: number; stop: () => Promise<void> }>>) {
  const started: Array<{ port: number; stop: () => Promise<void> }> = [];
  try {
    for (const start of starts) started.push(await start());
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
  return { ports: started.map((s) => s.port), stop: async () => void (await Promise.all(started.map((s) => s.stop()))) };
}

/**
 * Starts the tracestore in this process: the OTLP/HTTP, OTLP/gRPC and query servers, one shared
 * store. Rejects with a ListenError naming the port (and closes what had started) when one is taken.
 */
export async function startTracestore(options: StartTracestoreOptions = {}): Promise<TracestoreHandle> {
  const config = withDefaults(options);
  const logger = options.logger ?? createLogger('tracestore');
  const baselines = new BaselineStore(options.baselines);
  const store = new TraceStore(config.maxTraces, baselines);
  const appOptions = { maxPayloadBytes: config.maxPayloadBytes, logger, baselines };
  const httpServer = (app: Parameters<typeof listenOn>[0], port: number, variable: string) => async () => {
    const { server, port: bound } = await listenOn(app, config.host, port, variable);
    return { port: bound, stop: () => closeServer(server) };
  };
  const servers = await startAll([
    httpServer(createOtlpApp(store, appOptions), config.otlpPort, 'OTLP_HTTP_PORT'),
    httpServer(createQueryApp(store, appOptions), config.queryPort, 'QUERY_HTTP_PORT'),
    async () => {
      const { server, port } = await startGrpcReceiver(store, { ...config, port: config.grpcPort, logger });
      return { port, stop: () => stopGrpcReceiver(server) };
    },
  ]);
  const [otlpPort, queryPort, grpcPort] = servers.ports;
  logger.info({ host: config.host, otlpPort, grpcPort, queryPort, maxTraces: config.maxTraces }, 'listening');
  return { otlpPort, grpcPort, queryPort, close: servers.stop };
}
