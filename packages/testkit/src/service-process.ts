import path from 'node:path';
import { launchService, TRACING_PRELOAD, type OutputStream } from '@tracecart/launcher';

/** A tracecart app running as a real child process with the tracing preload. */
export interface ServiceProcess {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** Log lines the process printed on stdout (pino JSON, parsed). */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

function appMain(app: string): string {
  return path.join(path.dirname(require.resolve(`@tracecart/${app}/package.json`)), 'dist', 'main.js');
}

function parseLogLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { msg: line }; // not pino's: kept as it was
  }
}

/**
 * Starts apps/<app>/dist/main.js on an ephemeral port with the tracing preload; resolves once it
 * reports ready. It is killed if this process exits first.
 */
export async function startServiceProcess(app: string, env: Record<string, string>): Promise<ServiceProcess> {
  const logs: Record<string, unknown>[] = [];
  // Its stderr goes on to ours, as if inherited: a crash shows in the test's output.
  const onLine = (line: string, stream: OutputStream) => (stream === 'stdout' ? logs.push(parseLogLine(line)) : process.stderr.write(`${line}\n`));
  const service = await launchService({
    name: app,
    main: appMain(app),
    preload: [TRACING_PRELOAD],
    env: { PORT: '0', HOST: '127.0.0.1', OTEL_SERVICE_NAME: app, OTEL_BSP_SCHEDULE_DELAY: '100', LOG_LEVEL: 'info', ...env },
    killOnExit: true,
    startTimeoutMs: START_TIMEOUT_MS,
    onLine,
  });
  return { name: app, port: service.port, pid: service.pid, url: `http://127.0.0.1:${service.port}`, logs, stop: service.stop };
}
