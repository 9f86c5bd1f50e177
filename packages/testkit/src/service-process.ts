import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** A tracecart app running as a real child process with the tracing preload. */
export interface ServiceProcess {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** Log lines the process printed (pino JSON, parsed). */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

function appMain(app: string): string {
  return path.join(path.dirname(require.resolve(`@tracecart/${app}/package.json`)), 'dist', 'main.js');
}

function waitForListening(child: ChildProcess, name: string, logs: Record<string, unknown>[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening: ${JSON.stringify(logs.slice(-3))}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        entry = { msg: line };
      }
      logs.push(entry);
      if (entry.msg === 'listening' && typeof entry.port === 'number') {
        clearTimeout(timer);
        resolve(entry.port);
      }
    });
  });
}

// Apps still running when this process exits: a caller that dies between start and stop (a
// crashed bench or script) must not leave them behind. One listener for all of them.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const app of running) app.kill('SIGKILL');
  });
}

/** Starts apps/<app>/dist/main.js on an ephemeral port with `--require @tracecart/tracing/register`. */
export async function startServiceProcess(app: string, env: Record<string, string>): Promise<ServiceProcess> {
  const logs: Record<string, unknown>[] = [];
  const child = spawn(process.execPath, ['--require', '@tracecart/tracing/register', appMain(app)], {
    cwd: path.dirname(appMain(app)),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', OTEL_SERVICE_NAME: app, OTEL_BSP_SCHEDULE_DELAY: '100', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  killOnExit(child);
  // A child that never says it listens is ended here, or it would outlive the test.
  const port = await waitForListening(child, app, logs).catch((error: Error) => {
    child.kill('SIGKILL');
    throw error;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name: app,
    port,
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    logs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
