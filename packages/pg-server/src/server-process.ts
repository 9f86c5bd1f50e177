import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createPool } from '@tracecart/db';
import { PostgresSetupError } from './setup-error';
import type { PostgresBinaries } from './binaries';
import { EMBEDDED_SUPERUSER } from './initdb';
import type { PostgresAccount } from './os-user';

/** The only address the server listens on: it trusts every local connection. */
export const POSTGRES_HOST = '127.0.0.1';

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const LOG_LINES_KEPT = 20;

/** A running embedded PostgreSQL server. */
export interface ServerProcess {
  pid: number;
  port: number;
  /** The server's connection URL for a database. */
  urlFor(database: string): string;
  /** Resolves when the server exits on its own (a crash); never when stop() ended it. */
  crashed: Promise<string>;
  /** Fast shutdown (SIGINT: roll back, disconnect, checkpoint), SIGKILL if it takes too long. */
  stop(): Promise<void>;
  /** SIGKILL to the server and every backend (its process group): a crash, recovered on next start. */
  kill(): Promise<void>;
}

// The data is disposable lab data: durability is traded for a seed that is not held up by
// fsync. A crash of the machine (not of postgres) can corrupt a --keep-data cluster.
function serverArgs(dir: string, port: number): string[] {
  const settings = {
    listen_addresses: POSTGRES_HOST,
    unix_socket_directories: '',
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_wal_size: '2GB',
  };
  return ['-D', dir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

function keepTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - LOG_LINES_KEPT));
  });
  return () => lines.slice(-3).join(' | ');
}

async function canConnect(url: string): Promise<boolean> {
  const pool = createPool(url, { applicationName: 'tracecart-startup-probe', max: 1 });
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await pool.end();
  }
}

async function waitUntilAccepting(url: string, exited: () => boolean, tail: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await canConnect(url))) {
    if (exited()) throw new PostgresSetupError(`PostgreSQL exited while starting: ${tail()}`);
    if (Date.now() > deadline) throw new PostgresSetupError(`PostgreSQL did not accept connections within ${START_TIMEOUT_MS / 1000} s: ${tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How a child ended: `exited` resolves on exit or on a failure to spawn at all. */
function trackExit(child: ChildProcess) {
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  return {
    exited,
    spawnError: () => spawnError,
    hasExited: () => spawnError !== undefined || child.exitCode !== null || child.signalCode !== null,
  };
}

function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  child.kill('SIGINT'); // fast shutdown
  const escalate = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  return exited.finally(() => clearTimeout(escalate));
}

/** Starts `postgres` on an initialised cluster, in its own process group so Ctrl-C reaches only the launcher. */
export async function startServerProcess(binaries: PostgresBinaries, dir: string, port: number, account: PostgresAccount): Promise<ServerProcess> {
  const child = spawn(binaries.postgres, serverArgs(dir, port), {
    cwd: path.dirname(dir),
    uid: account.uid,
    gid: account.gid,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const tail = keepTail(child);
  const exit = trackExit(child);
  let stopping = false;
  const why = () => exit.spawnError()?.message ?? tail();
  const crashed = exit.exited.then(() => (stopping ? new Promise<string>(() => undefined) : `PostgreSQL exited: ${why()}`));
  const urlFor = (database: string) => `postgres://${EMBEDDED_SUPERUSER}@${POSTGRES_HOST}:${port}/${database}`;
  const stop = () => {
    stopping = true;
    return exit.hasExited() ? exit.exited : stopChild(child, exit.exited);
  };
  const kill = () => {
    stopping = true;
    // detached: the server leads its own group, so a negative pid reaches its backends too.
    if (!exit.hasExited()) process.kill(-child.pid!, 'SIGKILL');
    return exit.exited;
  };
  try {
    await waitUntilAccepting(urlFor('postgres'), exit.hasExited, why);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, port, urlFor, crashed, stop, kill };
}
