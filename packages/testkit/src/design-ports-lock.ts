// The DESIGN ports are fixed, so test files that start `lab demo` (jest runs files side by side)
// take turns: a lock folder, made atomically, holding its owner's pid so a dead owner's is taken over.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '@tracecart/pg-server';

const LOCK_DIR = path.join(os.tmpdir(), 'tracecart-demo-design-ports.lock');
const WAIT_STEP_MS = 250;

async function ownerOf(): Promise<number> {
  return Number(await fs.readFile(path.join(LOCK_DIR, 'pid'), 'utf8').catch(() => '0'));
}

async function tryTake(): Promise<boolean> {
  try {
    await fs.mkdir(LOCK_DIR);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = await ownerOf();
    // A lock just made has no pid file yet (owner 0): only a dead owner's lock is removed.
    if (owner > 0 && !isProcessAlive(owner)) await fs.rm(LOCK_DIR, { recursive: true, force: true });
    return false;
  }
  await fs.writeFile(path.join(LOCK_DIR, 'pid'), String(process.pid));
  return true;
}

/** Waits (up to `timeoutMs`) until this process alone may start a demo; resolves with the release. */
export async function lockDesignPorts(timeoutMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  while (!(await tryTake())) {
    if (Date.now() > deadline) throw new Error(`the DESIGN ports stayed locked by pid ${await ownerOf()} (${LOCK_DIR})`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  return () => fs.rm(LOCK_DIR, { recursive: true, force: true });
}
