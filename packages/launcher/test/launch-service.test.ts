import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { LaunchError, launchService, type LaunchOptions } from '../src';

const CHILD = path.join(__dirname, 'fixtures', 'child.js');
const PRELOAD = path.join(__dirname, 'fixtures', 'preload.js');
const DYING_LAUNCHER = path.join(__dirname, 'fixtures', 'dying-launcher.js');

/** Gone, or a zombie nobody has reaped yet: either way it runs no more. */
function isGone(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  while (!isGone(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

function launchFixture(mode: string, options: Partial<LaunchOptions> = {}) {
  const lines: Array<{ line: string; stream: string }> = [];
  const started = launchService({
    name: `fixture-${mode}`,
    main: CHILD,
    env: { FIXTURE_MODE: mode },
    onLine: (line, stream) => lines.push({ line, stream }),
    ...options,
  });
  const pid = () => Number(lines.map(({ line }) => line.match(/^pid=(\d+)/)?.[1]).find(Boolean));
  return { started, lines, pid };
}

describe('launchService', () => {
  it('resolves with the ports from the ready message, passes preloads and output, and stops with SIGTERM', async () => {
    const fixture = launchFixture('ready', { preload: [PRELOAD] });
    const service = await fixture.started;
    expect(service.ports).toEqual({ http: service.port, admin: 9 });
    expect(await (await fetch(`http://127.0.0.1:${service.port}/`)).text()).toBe('hello');
    await service.stop();
    expect(await service.exited).toBe('exit code 0');
    expect(fixture.lines).toContainEqual({ line: `pid=${service.pid} preloaded=yes`, stream: 'stdout' });
    expect(fixture.lines).toContainEqual({ line: 'stopping', stream: 'stderr' });
  });

  it('reports how a ready service ended once its last lines are read, whoever ended it', async () => {
    const service = await launchFixture('ready').started;
    process.kill(service.pid, 'SIGKILL');
    expect(await service.finished).toBe('signal SIGKILL');
    expect(service.lastLines()).toEqual([`pid=${service.pid} preloaded=no`]);
  });

  it('names a service that exits before it is ready, with its last lines', async () => {
    const error = await launchFixture('exit-early').started.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    // stdout and stderr are separate pipes: their lines may arrive in either order.
    expect((error as LaunchError).message).toMatch(/^fixture-exit-early exited while starting \(exit code 3\): /);
    expect((error as LaunchError).lastLines).toEqual(expect.arrayContaining([expect.stringMatching(/^pid=\d+ preloaded=no$/), 'config: PORT is not a number']));
    expect((error as LaunchError).message).toContain('config: PORT is not a number');
  });

  it('gives up on a service that never says it is ready, and ends it', async () => {
    const fixture = launchFixture('silent', { startTimeoutMs: 300 });
    const error = await fixture.started.catch((e: unknown) => e);
    expect((error as LaunchError).message).toMatch(/^fixture-silent did not report ready within 0.3 s: pid=\d+/);
    expect(fixture.pid()).toBeGreaterThan(0);
    expect(isGone(fixture.pid())).toBe(true);
  });

  it('SIGKILLs a service that ignores SIGTERM once the stop timeout has passed', async () => {
    const service = await launchFixture('stubborn', { stopTimeoutMs: 200 }).started;
    await service.stop();
    expect(await service.exited).toBe('signal SIGKILL');
  });
});

describe('a launcher that dies without stopping its service', () => {
  const dist = path.join(__dirname, '..', 'dist', 'index.js');

  function runDyingLauncher(launchAs: string) {
    if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: build first (npx tsc -p tsconfig.build.json)`);
    const launcher = spawn(process.execPath, [DYING_LAUNCHER], { env: { ...process.env, LAUNCH_AS: launchAs }, stdio: ['ignore', 'pipe', 'ignore'] });
    const servicePid = new Promise<number>((resolve) => createInterface({ input: launcher.stdout }).once('line', (line) => resolve(Number(line))));
    return { launcher, servicePid };
  }

  it('leaves a service started with stopWithLauncher to stop itself', async () => {
    const { launcher, servicePid } = runDyingLauncher('orphan-guard');
    const pid = await servicePid;
    expect(isGone(pid)).toBe(false);
    launcher.kill('SIGKILL');
    await waitUntilGone(pid);
  });

  it('kills a service started with killOnExit as it exits', async () => {
    const { servicePid } = runDyingLauncher('kill-on-exit');
    await waitUntilGone(await servicePid);
  });
});
