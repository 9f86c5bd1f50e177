import type { ChildProcess } from 'node:child_process';

// Children still running when this process exits: a caller that dies between start and stop (a
// crashed bench or test script) must not leave them behind. One listener for all of them.
const running = new Set<ChildProcess>();
let hookInstalled = false;

/** SIGKILLs the child if this process exits while it still runs. */
export function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (hookInstalled) return;
  hookInstalled = true;
  process.on('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
}
