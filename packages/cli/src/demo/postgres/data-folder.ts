import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { removeClusterDir } from '@tracecart/pg-server';

/** The start of the name of every data folder a demo makes for itself. */
export const DATA_FOLDER_PREFIX = 'tracecart-lab-';

/** Where this run's embedded database lives, and whether the demo made the folder itself. */
export interface DataFolder {
  dir: string;
  /** True for a folder made for this run: it is removed whole on exit (unless kept). */
  own: boolean;
}

/** The folder named with --data-dir or LAB_DATA_DIR, else a fresh one under the OS temp folder, so two labs never share one. */
export async function openDataFolder(named: string | undefined): Promise<DataFolder> {
  if (named) return { dir: named, own: false };
  return { dir: await fs.mkdtemp(path.join(os.tmpdir(), DATA_FOLDER_PREFIX)), own: true };
}

/** Removes this run's data: the whole folder when the demo made it; only the cluster inside one the person named. */
export async function removeDataFolder(folder: DataFolder): Promise<void> {
  if (folder.own) await fs.rm(folder.dir, { recursive: true, force: true });
  else await removeClusterDir(folder.dir);
}
