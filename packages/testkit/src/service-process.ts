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
  /** Resolves with how the process ended ("signal SIGKILL", "exit code 0"), whoever ended it. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** Which entry of an app to start, and under what service name. */
export interface ServiceProcessOptions {
  /** The file in the app's dist/ (main.js when omitted), e.g. carrier-main.js. */
  entry?: string;
  /** The service name (OTEL_SERVICE_NAME) and process name; the app's name when omitted. */
  name?: string;
}

const START_TIMEOUT_MS = 20_000;

function appMain(app: string, entry: string): string {
  return path.join(path.dirname(require.resolve(`@tracecart/${app}/package.json`)), 'dist', entry);
}

function parseLogLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { msg: line }; // not pino's: kept as it was
  }
}

/**
 * Starts apps/<app>/dist/main.js (or another entry) on an ephemeral port with the tracing preload; resolves once it
 * reports ready. It is killed if this process exits first.
 */
export async function startServiceProcess(app: string, env: Record<string, string>, options: ServiceProcessOptions = {}): Promise<ServiceProcess> {
  const name = options.name ?? app;
  const logs: Record<string, unknown>[] = [];
  // Its stderr goes on to ours, as if inherited: a crash shows in the test's output.
  const onLine = (line: string, stream: OutputStream) => (stream === 'stdout' ? logs.push(parseLogLine(line)) : process.stderr.write(`${line}\n`));
  const service = await launchService({
    name,
    main: appMain(app, options.entry ?? 'main.js'),
    preload: [TRACING_PRELOAD],
    env: { PORT: '0', HOST: '127.0.0.1', OTEL_SERVICE_NAME: name, OTEL_BSP_SCHEDULE_DELAY: '100', LOG_LEVEL: 'info', ...env },
    killOnExit: true,
    startTimeoutMs: START_TIMEOUT_MS,
    onLine,
  });
  return {
    name,
    port: service.port,
    pid: service.pid,
    url: `http://127.0.0.1:${service.port}`,
    logs,
    exited: service.exited,
    stop: service.stop,
  };
}
