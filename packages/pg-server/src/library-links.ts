import fs from 'node:fs/promises';
import path from 'node:path';

interface SymlinkEntry {
  source: string;
  target: string;
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
