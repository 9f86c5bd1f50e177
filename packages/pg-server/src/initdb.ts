import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { PostgresSetupError } from './setup-error';
import type { PostgresBinaries } from './binaries';
import { POSTGRES_OS_USER, type PostgresAccount } from './os-user';

/** The superuser the embedded cluster is created with. */
export const EMBEDDED_SUPERUSER = 'postgres';

// trust: the server only listens on 127.0.0.1 and holds throwaway lab data. --no-sync: an
// interrupted initdb is simply redone. The C locale is the same on every machine.
function initdbArgs(dir: string): string[] {
  return [`--pgdata=${dir}`, `--username=${EMBEDDED_SUPERUSER}`, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'];
}

// As root the programs run from a copy in the temporary folder, which some systems mount noexec.
function spawnHint(error: NodeJS.ErrnoException, account: PostgresAccount): string {
  if (account.uid === undefined || error.code !== 'EACCES') return '';
  return ` (PostgreSQL runs as the OS user "${POSTGRES_OS_USER}" from ${os.tmpdir()}: if that is mounted noexec, set TMPDIR to a folder that is not)`;
}

/** Runs initdb on an empty cluster folder as the PostgreSQL account; rejects with its last error line. */
export function initialiseCluster(binaries: PostgresBinaries, dir: string, account: PostgresAccount): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.initdb, initdbArgs(dir), {
      cwd: path.dirname(dir),
      uid: account.uid,
      gid: account.gid,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', (error) => reject(new PostgresSetupError(`cannot run initdb: ${error.message}${spawnHint(error, account)}`)));
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      const last = stderr.trim().split('\n').pop() ?? '';
      const hint = account.uid !== undefined && /Permission denied/.test(last) ? ` (PostgreSQL runs as the OS user "${POSTGRES_OS_USER}": choose a --data-dir it can reach)` : '';
      reject(new PostgresSetupError(`initdb failed (${signal ?? `exit ${code}`}): ${last}${hint}`));
    });
  });
}
