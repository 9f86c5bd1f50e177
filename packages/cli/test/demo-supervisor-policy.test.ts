// The demo's restart policy, driven through the real supervisor with a real tiny service that
// reports ready and exits at once: it must be restarted with doubling waits, then given up on.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRestartPolicy } from '../src/demo/restart-policy';
import { createSupervisor } from '../src/demo/supervisor';
import type { Progress } from '../src/demo/progress';

// Short waits so the whole crash loop takes a second or two; the same doubling and cap as the demo's.
const POLICY = { initialDelayMs: 100, maxDelayMs: 400, resetAfterMs: 30_000, maxRestarts: 5, windowMs: 60_000 };

const EXITS_AT_ONCE = `
console.log('starting fake service');
process.send({ ready: 1, ports: {} }, () => {
  console.error('fake service: giving up right away');
  process.exit(3);
});
`;

function recordingProgress(lines: string[]): Progress {
  return {
    note: (message) => lines.push(message),
    child: (name, line) => lines.push(`${name}: ${line}`),
    count: () => undefined,
    step: (_label, work) => work(),
  };
}

describe('the demo restart policy', () => {
  it('doubles the wait up to the cap, resets after a long run, and gives up after more than maxRestarts within the window', () => {
    let now = 0;
    const policy = createRestartPolicy(POLICY, () => now);
    const delays = [1, 2, 3, 4, 5].map(() => policy.afterExit(10));
    expect(delays).toEqual([100, 200, 400, 400, 400].map((delayMs) => ({ restart: true, delayMs })));
    expect(policy.afterExit(10)).toEqual({ restart: false, restartsInWindow: 5 });
    // A minute later the old restarts no longer count, and a long run starts the backoff over.
    now += POLICY.windowMs + 1;
    expect(policy.afterExit(POLICY.resetAfterMs)).toEqual({ restart: true, delayMs: 100 });
    expect(policy.afterExit(10)).toEqual({ restart: true, delayMs: 200 });
  });
});

describe('the demo supervisor with a service that exits at once', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lab-supervisor-test-'));
    await fs.mkdir(path.join(dir, 'dist'));
    await fs.writeFile(path.join(dir, 'dist', 'main.js'), EXITS_AT_ONCE);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('restarts it with backoff, logs each restart, then gives up with one line naming it and its last output', async () => {
    const lines: string[] = [];
    const supervisor = createSupervisor(recordingProgress(lines), POLICY);
    await supervisor.startAll([{ name: 'flaky', packageDir: dir, env: {}, traced: false }]);
    const message = await supervisor.gaveUp;
    expect(supervisor.statuses()).toEqual([{ name: 'flaky', state: 'failed', restarts: 5, pid: null, lastExit: 'exit code 3' }]);
    await supervisor.stopAll();

    const restarts = lines.filter((line) => line.startsWith('flaky exited'));
    expect(restarts).toEqual([
      'flaky exited (exit code 3); restarting in 0.1 s (restart 1)',
      'flaky exited (exit code 3); restarting in 0.2 s (restart 2)',
      'flaky exited (exit code 3); restarting in 0.4 s (restart 3)',
      'flaky exited (exit code 3); restarting in 0.4 s (restart 4)',
      'flaky exited (exit code 3); restarting in 0.4 s (restart 5)',
    ]);
    expect(lines.filter((line) => line.startsWith('flaky is up again'))).toHaveLength(5);
    expect(message).toBe(
      'flaky exited again (exit code 3) after 5 restarts within a minute; giving up. Its last lines: starting fake service | fake service: giving up right away',
    );
  }, 30_000);
});
