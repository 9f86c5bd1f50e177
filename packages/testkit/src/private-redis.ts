import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort } from './free-port';
import { redisCommand } from './redis-command';
import { waitUntil } from './wait-until';

/** A redis-server a test owns: it may kill and start it without touching the machine's Redis. */
export interface PrivateRedis {
  url: string;
  port: number;
  /** The server's pid while it runs. */
  pid(): number | undefined;
  isRunning(): boolean;
  /** Starts the server again on the same port (empty: nothing is persisted); resolves once it answers PING. */
  start(): Promise<void>;
  /** SIGKILL to the server by pid, as in a crash; resolves once it has exited. */
  kill(): Promise<void>;
  /** Kills the server and removes its folder; call it in afterAll. */
  destroy(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

async function answersPing(port: number): Promise<boolean> {
  return (await redisCommand(port, ['PING']).catch(() => '')) === '+PONG';
}

function spawnServer(port: number, dir: string, binary: string): ChildProcess {
  // Nothing on disk: a restart comes back empty, like a cache node replaced.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  return spawn(binary, args, { stdio: 'ignore' });
}

/**
 * Starts Debian's redis-server (`binary`, found on PATH by default) on an ephemeral 127.0.0.1
 * port with `--save "" --appendonly no`. Should the test process exit without destroy(), the
 * server is killed and its folder removed.
 */
export async function startPrivateRedis(options: { binary?: string } = {}): Promise<PrivateRedis> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tracecart-private-redis-'));
  const port = await freeLoopbackPort();
  let child: ChildProcess | undefined;
  const isRunning = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const killNow = () => {
    if (isRunning()) child!.kill('SIGKILL');
  };
  const onExit = () => {
    killNow();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const start = async () => {
    if (isRunning()) return;
    const current = spawnServer(port, dir, options.binary ?? 'redis-server');
    child = current;
    const failed = new Promise<never>((_, reject) => current.once('error', reject));
    await Promise.race([failed, waitUntil(`redis-server on port ${port} to answer PING`, () => answersPing(port), READY_TIMEOUT_MS)]);
  };
  const kill = async () => {
    if (!isRunning()) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    killNow();
    await exited;
  };
  const destroy = async () => {
    await kill();
    onExit();
    process.removeListener('exit', onExit);
  };
  try {
    await start();
  } catch (error) {
    await destroy();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: () => (isRunning() ? child!.pid : undefined), isRunning, start, kill, destroy };
}
