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
