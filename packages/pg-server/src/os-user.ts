import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PostgresSetupError } from './setup-error';

const run = promisify(execFile);

/** The OS account PostgreSQL runs as; undefined ids mean "the current user". */
export interface PostgresAccount {
  uid?: number;
  gid?: number;
  /** Set when the account had to be created just now. */
  created: boolean;
}

/** PostgreSQL refuses to run as root; this is the account it gets instead. */
export const POSTGRES_OS_USER = 'postgres';

async function lookUpIds(name: string): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

// A system account with its own group and no home or login: it only ever owns the data folder.
async function createAccount(name: string): Promise<void> {
  try {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  } catch (error) {
    throw new PostgresSetupError(`running as root, PostgreSQL needs a non-root user "${name}" and creating it failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The current user, or (as root) the `postgres` account, created when missing. */
export async function resolvePostgresAccount(): Promise<PostgresAccount> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { created: false };
  const existing = await lookUpIds(POSTGRES_OS_USER);
  if (existing) return { ...existing, created: false };
  await createAccount(POSTGRES_OS_USER);
  const ids = await lookUpIds(POSTGRES_OS_USER);
  if (!ids) throw new PostgresSetupError(`created the OS user "${POSTGRES_OS_USER}" but cannot look it up`);
  return { ...ids, created: true };
}
