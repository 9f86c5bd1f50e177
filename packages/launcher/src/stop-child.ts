import type { ChildProcess } from 'node:child_process';

/** SIGTERM (a service drains and flushes its spans), then SIGKILL if it has not exited within timeoutMs. */
export function stopChild(child: ChildProcess, exited: Promise<string>, timeoutMs: number): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const escalate = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return exited.then(() => clearTimeout(escalate));
}
