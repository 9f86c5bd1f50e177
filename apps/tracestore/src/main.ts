// The tracestore process: `node dist/main.js`. It runs without the tracing preload on purpose:
// a trace backend that traced its own OTLP requests would feed on itself.
import { ConfigError, runService, type RunningService } from '@tracecart/http-kit';
import { createLogger } from '@tracecart/tracing';
import { readTracestoreConfig } from './config';
import { ListenError } from './listen';
import { startTracestore, type TracestoreHandle } from './start';

function exitWith(message: string): never {
  process.stderr.write(`tracestore: ${message}\n`);
  process.exit(1);
}

// OTLP/HTTP first: the port a launcher is told is the one services send to. gRPC only when
// this build's handle has that receiver.
function portsOf(handle: TracestoreHandle): Record<string, number> {
  const ports: Record<string, number> = { otlp: handle.otlpPort, query: handle.queryPort };
  if ('grpcPort' in handle && typeof handle.grpcPort === 'number') ports.grpc = handle.grpcPort;
  return ports;
}

async function main(): Promise<void> {
  const logger = createLogger('tracestore');
  const config = readTracestoreConfig(process.env);
  const start = async (): Promise<RunningService> => {
    const handle = await startTracestore({ ...config, logger });
    return { ports: portsOf(handle), close: () => handle.close() };
  };
  await runService({ logger, start });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ListenError) exitWith(error.message);
  exitWith(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
