import fs from 'node:fs/promises';
import path from 'node:path';

const STOP_WAIT_MS = 15_000;

/** Whether a process with this id still exists (signal 0 checks without sending anything). */
export function isProcessAlive(pid: number): boolean {
  // 0 and negative ids name process groups: kill() would answer for (or signal) a whole group.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPostmasterPid(dir: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(text.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

// Only a postgres whose command line names this very cluster folder is ours to stop.
async function servesCluster(pid: number, dir: string): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.split('\0').includes(dir);
}

/**
 * Stops a PostgreSQL that an earlier demo started on this cluster folder and could not stop
 * (its launcher was killed): otherwise the new server would refuse the folder. Returns its pid.
 */
export async function stopLeftoverServer(dir: string): Promise<number | undefined> {
  const pid = await readPostmasterPid(dir);
  if (pid === undefined || !isProcessAlive(pid) || !(await servesCluster(pid, dir))) return undefined;
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back, disconnect, checkpoint
  const deadline = Date.now() + STOP_WAIT_MS;
  while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  return pid;
}
