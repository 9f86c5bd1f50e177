// Each demo run gets a data folder of its own unless one is named, so two labs on a machine never share one.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DATA_FOLDER_OWNER_FILE, DATA_FOLDER_PREFIX, openDataFolder, removeDataFolder, sweepAbandonedDataFolders } from '../src/demo/postgres/data-folder';

describe('the demo data folder', () => {
  let named: string;
  beforeAll(async () => {
    named = await fs.mkdtemp(path.join(os.tmpdir(), 'lab-named-data-'));
  });
  afterAll(() => fs.rm(named, { recursive: true, force: true }));

  it('is a fresh folder under the OS temp folder for every run when none is named, removed whole afterwards', async () => {
    const first = await openDataFolder(undefined);
    const second = await openDataFolder(undefined);
    try {
      expect(first.dir).not.toBe(second.dir);
      for (const folder of [first, second]) {
        expect(folder.own).toBe(true);
        expect(path.dirname(folder.dir)).toBe(os.tmpdir());
        expect(path.basename(folder.dir).startsWith(DATA_FOLDER_PREFIX)).toBe(true);
        expect(existsSync(folder.dir)).toBe(true);
      }
      await fs.mkdir(path.join(first.dir, 'postgres'));
      await removeDataFolder(first);
      expect(existsSync(first.dir)).toBe(false);
    } finally {
      await removeDataFolder(first);
      await removeDataFolder(second);
    }
  });

  it('is the named folder when there is one; only the cluster inside it is removed', async () => {
    const folder = await openDataFolder(named);
    expect(folder).toEqual({ dir: named, own: false });
    await fs.mkdir(path.join(named, 'postgres'));
    await fs.writeFile(path.join(named, 'notes.txt'), 'mine');
    await removeDataFolder(folder);
    expect(existsSync(path.join(named, 'postgres'))).toBe(false);
    expect(await fs.readFile(path.join(named, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('names its owner in a folder made for one run, unless its data is kept', async () => {
    const disposable = await openDataFolder(undefined);
    const kept = await openDataFolder(undefined, true);
    try {
      expect(await fs.readFile(path.join(disposable.dir, DATA_FOLDER_OWNER_FILE), 'utf8')).toBe(`${process.pid}\n`);
      expect(existsSync(path.join(kept.dir, DATA_FOLDER_OWNER_FILE))).toBe(false);
    } finally {
      await removeDataFolder(disposable);
      await removeDataFolder(kept);
    }
  });

  it('sweeps only the folders whose owning demo is gone', async () => {
    const base = await fs.mkdtemp(path.join(os.tmpdir(), 'lab-sweep-'));
    try {
      // A pid that was real and has exited: a demo that was killed.
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      const make = async (name: string, owner: number | undefined) => {
        const dir = path.join(base, name);
        await fs.mkdir(path.join(dir, 'postgres'), { recursive: true });
        if (owner !== undefined) await fs.writeFile(path.join(dir, DATA_FOLDER_OWNER_FILE), `${owner}\n`);
        return dir;
      };
      const abandoned = await make(`${DATA_FOLDER_PREFIX}abandoned`, gone);
      const running = await make(`${DATA_FOLDER_PREFIX}running`, process.pid);
      const keptData = await make(`${DATA_FOLDER_PREFIX}kept`, undefined);
      const notOurs = await make('someone-else', gone);
      expect(await sweepAbandonedDataFolders(base)).toEqual([{ dir: abandoned, stoppedServerPid: undefined }]);
      expect([abandoned, running, keptData, notOurs].map(existsSync)).toEqual([false, true, true, true]);
    } finally {
      await fs.rm(base, { recursive: true, force: true });
    }
  });
});
