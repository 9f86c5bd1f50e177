import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PostgresSetupError } from './setup-error';
import { hydrateSymlinks } from './library-links';
import { holdsTree, listTree, type NativeTree } from './native-tree';

/** The folder one package version's programs are placed in: named by version, so later runs reuse it. */
export function placedBinariesDir(packageVersion: string, baseDir = os.tmpdir()): string {
  return path.join(baseDir, `tracecart-postgres-${packageVersion}-${process.platform}-${process.arch}`);
}

// What any account needs: programs runnable, the rest readable, nothing writable but by the owner.
function placedMode(sourceMode: number): number {
  return sourceMode & 0o111 ? 0o755 : 0o644;
}

// A hard link costs no space or time but shares the source's mode, so it is only taken when that
// mode is already the one wanted; otherwise, and across file systems (EXDEV), the file is copied.
async function linkOrCopy(source: string, target: string): Promise<void> {
  const { mode } = await fs.stat(source);
  const wanted = placedMode(mode);
  if ((mode & 0o777) === wanted && (await fs.link(source, target).then(() => true, () => false))) return;
  await fs.copyFile(source, target);
  await fs.chmod(target, wanted);
}

async function fillStaging(packageDir: string, staging: string, tree: NativeTree): Promise<void> {
  for (const dir of tree.dirs) {
    await fs.mkdir(path.join(staging, dir));
    await fs.chmod(path.join(staging, dir), 0o755); // the umask narrows mkdir's own mode
  }
  await Promise.all(tree.files.map((file) => linkOrCopy(path.join(packageDir, file), path.join(staging, file))));
  await hydrateSymlinks(staging);
  await fs.chmod(staging, 0o755);
}

// The temporary folder is shared: a name someone else made, a symlink, or a folder others may
// write to is neither trusted nor followed.
async function inspect(dir: string): Promise<'absent' | 'ours' | 'foreign'> {
  const stat = await fs.lstat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!stat) return 'absent';
  return stat.isDirectory() && stat.uid === process.geteuid?.() && (stat.mode & 0o022) === 0 ? 'ours' : 'foreign';
}

async function isUsable(dir: string, tree: NativeTree): Promise<boolean> {
  return (await inspect(dir)) === 'ours' && (await holdsTree(dir, tree));
}

// Built in a private mkdtemp folder and renamed into place in one step, so no one ever runs a
// half-placed tree, and two demos placing at once both end up with a whole one.
async function publish(packageDir: string, tree: NativeTree, target: string): Promise<void> {
  const staging = await fs.mkdtemp(`${target}.partial-`);
  try {
    await fillStaging(packageDir, staging, tree);
    await fs.rename(staging, target);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    if (!(await isUsable(target, tree))) throw error;
  }
}

async function placeAt(packageDir: string, target: string): Promise<void> {
  const tree = await listTree(packageDir, 'native');
  const state = await inspect(target);
  if (state === 'foreign') {
    throw new PostgresSetupError(`${target} was not made by this user (or is a symlink, or writable by others): remove it and run the demo again`);
  }
  if (state === 'ours' && (await holdsTree(target, tree))) {
    await hydrateSymlinks(target); // a cleaner may have taken links too; recreating them is cheap
    return;
  }
  if (state === 'ours') await fs.rm(target, { recursive: true, force: true }); // files went missing: place afresh
  await publish(packageDir, tree, target);
}

/**
 * Places the package's native/ tree (bin, lib, share) where every account can reach it, for a
 * PostgreSQL that runs as another OS user than the one who installed it; returns that folder.
 */
export async function placeBinaries(packageDir: string, packageVersion: string, baseDir = os.tmpdir()): Promise<string> {
  const target = placedBinariesDir(packageVersion, baseDir);
  try {
    await placeAt(packageDir, target);
  } catch (error) {
    if (error instanceof PostgresSetupError) throw error;
    throw new PostgresSetupError(`cannot place the PostgreSQL programs in ${target}: ${(error as Error).message}`);
  }
  return target;
}
