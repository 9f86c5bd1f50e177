import fs from 'node:fs/promises';
import path from 'node:path';
import { PostgresSetupError } from './setup-error';
import type { PostgresAccount } from './os-user';

/** The cluster folder inside a data folder (the demo's, or a test's). */
export function clusterDir(dataDir: string): string {
  return path.join(dataDir, 'postgres');
}

// A data folder made private (mkdtemp, umask 077) would stop the postgres account at its door;
// search permission lets it reach its own cluster folder without listing anything else.
async function letOthersTraverse(dataDir: string): Promise<void> {
  const { mode } = await fs.stat(dataDir);
  if ((mode & 0o001) === 0) await fs.chmod(dataDir, (mode & 0o7777) | 0o001);
}

/**
 * Creates the data folder (readable by all, so a dropped-privilege postgres can reach its
 * cluster) and the cluster folder, owned by the account PostgreSQL runs as.
 */
export async function prepareClusterDir(dataDir: string, account: PostgresAccount): Promise<string> {
  const dir = clusterDir(dataDir);
  try {
    await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    if (account.uid !== undefined && account.gid !== undefined) {
      await fs.chown(dir, account.uid, account.gid);
      await letOthersTraverse(dataDir);
    }
    await fs.chmod(dir, 0o700);
  } catch (error) {
    throw new PostgresSetupError(`cannot prepare the database folder ${dir}: ${(error as Error).message}`);
  }
  return dir;
}

/** True when the folder already holds an initialised cluster (a kept one, or one left by a crash). */
export async function hasCluster(dir: string): Promise<boolean> {
  return fs.access(path.join(dir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

/** Deletes the cluster folder; with `andEmptyDataDir`, also the data folder if nothing else is in it. */
export async function removeClusterDir(dataDir: string, andEmptyDataDir = false): Promise<void> {
  await fs.rm(clusterDir(dataDir), { recursive: true, force: true });
  if (!andEmptyDataDir) return;
  const rest = await fs.readdir(dataDir).catch(() => ['(unreadable)']);
  if (rest.length === 0) await fs.rmdir(dataDir);
}
