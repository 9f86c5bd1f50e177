import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { clusterDir, isProcessAlive, removeClusterDir, stopLeftoverServer } from '@tracecart/pg-server';

/** The start of the name of every data folder a demo makes for itself. */
export const DATA_FOLDER_PREFIX = 'tracecart-lab-';

/**
 * In a folder made for one run whose data is not kept: the pid of the demo that made it. A demo
 * that was killed cannot remove its folder (nor stop its PostgreSQL); the next demo does, once
 * that pid has gone. A folder without the file (its data kept, or named by a person) is never swept.
 */
export const DATA_FOLDER_OWNER_FILE = 'demo-owner.pid';

/** Where this run's embedded database lives, and whether the demo made the folder itself. */
export interface DataFolder {
  dir: string;
  /** True for a folder made for this run: it is removed whole on exit (unless kept). */
  own: boolean;
}

/**
 * The folder named with --data-dir or LAB_DATA_DIR, else a fresh one under the OS temp folder, so
 * two labs never share one. A fresh folder whose data is not kept names its owner (this process).
 */
export async function openDataFolder(named: string | undefined, keepData = false): Promise<DataFolder> {
  if (named) return { dir: named, own: false };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), DATA_FOLDER_PREFIX));
  if (!keepData) await fs.writeFile(path.join(dir, DATA_FOLDER_OWNER_FILE), `${process.pid}\n`);
  return { dir, own: true };
}

/** Removes this run's data: the whole folder when the demo made it; only the cluster inside one the person named. */
export async function removeDataFolder(folder: DataFolder): Promise<void> {
  if (folder.own) await fs.rm(folder.dir, { recursive: true, force: true });
  else await removeClusterDir(folder.dir);
}

async function readOwner(dir: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(dir, DATA_FOLDER_OWNER_FILE), 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** A data folder a killed demo left, and the PostgreSQL it had left running there, if any. */
export interface SweptFolder {
  dir: string;
  stoppedServerPid: number | undefined;
}

/**
 * Removes the data folders of demos that were killed (their owner pid is gone), stopping the
 * PostgreSQL each left running first. Folders of live demos and folders without an owner are
 * left alone.
 */
export async function sweepAbandonedDataFolders(baseDir: string = os.tmpdir()): Promise<SweptFolder[]> {
  const entries = await fs.readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const swept: SweptFolder[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(DATA_FOLDER_PREFIX)) continue;
    const dir = path.join(baseDir, entry.name);
    const owner = await readOwner(dir);
    if (owner === undefined || isProcessAlive(owner)) continue;
    const stoppedServerPid = await stopLeftoverServer(clusterDir(dir));
    await fs.rm(dir, { recursive: true, force: true });
    swept.push({ dir, stoppedServerPid });
  }
  return swept;
}
