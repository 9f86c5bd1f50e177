// As root the demo runs PostgreSQL as an unprivileged OS user, which cannot enter a repository
// under a private folder (a clone in root's home). Checked for real: a copy of the package behind
// a 0700 folder, its programs placed elsewhere and run as that user.
import { spawn } from 'node:child_process';
import { existsSync, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { platformPackageDir, programsIn } from '../src/binaries';
import { prepareClusterDir } from '../src/data-dir';
import { initialiseCluster } from '../src/initdb';
import { resolvePostgresAccount, type PostgresAccount } from '../src/os-user';
import { placeBinaries, placedBinariesDir } from '../src/placed-binaries';

const describeAsRoot = process.getuid?.() === 0 ? describe : describe.skip;

/** Runs a program as the account; the spawn error's code when it could not start at all. */
function runAs(account: PostgresAccount, file: string, args: string[], cwd: string): Promise<{ code: number | null; out: string; error?: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, uid: account.uid, gid: account.gid, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, out, error: error.code }));
    child.once('close', (code) => resolve({ code, out }));
  });
}

// Ignores supplementary groups, so it errs towards "blocked".
function maySearch(stat: Stats, account: PostgresAccount): boolean {
  if (stat.uid === account.uid) return (stat.mode & 0o100) !== 0;
  if (stat.gid === account.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/** The first folder on the way to `file` that the account may not pass through. */
async function firstBlockedFolder(file: string, account: PostgresAccount): Promise<string | undefined> {
  const folders = [];
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) folders.unshift(dir);
  for (const dir of ['/', ...folders]) if (!maySearch(await fs.stat(dir), account)) return dir;
  return undefined;
}

describeAsRoot('embedded PostgreSQL started by root from a folder other users cannot enter (root only: it runs programs as another OS user)', () => {
  let account: PostgresAccount;
  let work: string;
  let hidden: string;
  let source: string;
  let version: string;

  beforeAll(async () => {
    account = await resolvePostgresAccount();
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'lab-placed-'));
    await fs.chmod(work, 0o711); // like the system temp folder: others pass through, cannot list
    hidden = path.join(work, 'private');
    await fs.mkdir(hidden);
    await fs.chmod(hidden, 0o700);
    source = path.join(hidden, 'platform-package');
    await fs.cp(platformPackageDir(), source, { recursive: true, verbatimSymlinks: true });
    version = (JSON.parse(await fs.readFile(path.join(source, 'package.json'), 'utf8')) as { version: string }).version;
  });
  afterAll(() => fs.rm(work, { recursive: true, force: true }));

  it('cannot run the programs where they were installed (the failure being fixed)', async () => {
    expect(await firstBlockedFolder(programsIn(source).initdb, account)).toBe(hidden);
    expect(await runAs(account, programsIn(source).initdb, ['--version'], work)).toMatchObject({ error: 'EACCES' });
  });

  it('places them where that user can run them, and initdb creates a cluster from there', async () => {
    const placed = await placeBinaries(source, version, work);
    expect(placed).toBe(placedBinariesDir(version, work));
    const programs = programsIn(placed);
    for (const program of [programs.initdb, programs.postgres]) {
      expect(await firstBlockedFolder(program, account)).toBeUndefined();
      const run = await runAs(account, program, ['--version'], work);
      expect(run).toMatchObject({ code: 0, out: expect.stringContaining(`(PostgreSQL) ${version.split('.').slice(0, 2).join('.')}`) });
    }
    const cluster = await prepareClusterDir(path.join(work, 'data'), account);
    await initialiseCluster({ ...programs, version }, cluster, account);
    expect(existsSync(path.join(cluster, 'PG_VERSION'))).toBe(true);
  });

  it('reuses a placement, and places afresh when files went missing from it', async () => {
    const placed = await placeBinaries(source, version, work);
    const { ino } = await fs.stat(placed);
    expect(await placeBinaries(source, version, work)).toBe(placed);
    expect((await fs.stat(placed)).ino).toBe(ino);
    await fs.rm(path.join(placed, 'native', 'share', 'postgresql', 'postgres.bki'));
    await placeBinaries(source, version, work);
    expect(existsSync(path.join(placed, 'native', 'share', 'postgresql', 'postgres.bki'))).toBe(true);
  });

  it('refuses a name someone else took, without following it', async () => {
    const base = path.join(work, 'squatted');
    const elsewhere = path.join(work, 'elsewhere');
    await fs.mkdir(base);
    await fs.mkdir(elsewhere);
    await fs.symlink(elsewhere, placedBinariesDir(version, base));
    await expect(placeBinaries(source, version, base)).rejects.toThrow(/was not made by this user \(or is a symlink/);
    expect(await fs.readdir(elsewhere)).toEqual([]);
  });
});
