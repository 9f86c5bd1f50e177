import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A Prometheus server this process started, listening on 127.0.0.1. */
export interface PrometheusServer {
  url: string;
  pid: number;
  /** The last lines it logged, for a failing test's message. */
  output(): string;
  /** SIGTERM to its pid, SIGKILL if it has not exited after 10 s. */
  stop(): Promise<void>;
}

/** Where the server reads its config and keeps its TSDB. */
export interface PrometheusServerOptions {
  bin: string;
  configFile: string;
  dataDir: string;
  readyTimeoutMs?: number;
}

const KEEP_LINES = 40;
const STOP_GRACE_MS = 10_000;

/** A port free on 127.0.0.1 right now (the OS picks it; it is released before returning). */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address for an ephemeral port');
  return address.port;
}

function collectOutput(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
    lines.splice(0, Math.max(0, lines.length - KEEP_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`prometheus exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`prometheus was not ready within ${timeoutMs} ms`);
}

/**
 * Starts `prometheus` as a child process on a free loopback port and resolves once /-/ready
 * answers. The child is killed if this process exits first; on a failed start it is stopped and
 * the error carries its last log lines.
 */
export async function startPrometheusServer(options: PrometheusServerOptions): Promise<PrometheusServer> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    options.bin,
    [`--config.file=${options.configFile}`, `--storage.tsdb.path=${options.dataDir}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collectOutput(child);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    await stopChild(child);
    process.removeListener('exit', killOnExit);
  };
  try {
    // Rejects with the spawn error (e.g. ENOENT) instead of leaving it unhandled.
    await once(child, 'spawn');
    await waitUntilReady(url, child, options.readyTimeoutMs ?? 30_000);
    return { url, pid: child.pid as number, output, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output()}`, { cause: error });
  }
}
