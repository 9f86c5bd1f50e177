// `lab demo` as a child of a test: started, read line by line, and cleaned up whatever happens.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { isProcessAlive } from '@tracecart/testkit';

const CLI_MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');

/** The fixed DESIGN ports every demo listens on. */
export const DESIGN_PORTS = [8080, 8081, 8082, 8083, 8084, 8088, 4317, 4318, 16686];

/** A running `lab demo` and everything it printed so far. */
export interface Demo {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

const launched: Demo[] = [];

/** Starts `lab demo` with a 2,000-product catalog unless `env` says otherwise (undefined unsets a variable). */
export function launchDemo(args: string[], env: Record<string, string | undefined>): Demo {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CATALOG_SIZE: '2000', ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [CLI_MAIN, 'demo', ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const demo: Demo = { child, stdout: [], stderr: [], exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  createInterface({ input: child.stdout! }).on('line', (line) => demo.stdout.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => demo.stderr.push(line));
  launched.push(demo);
  return demo;
}

/** The first stdout line matching `pattern`, waiting for it; throws with the whole output when it never comes. */
export async function waitForOutput(demo: Demo, pattern: RegExp, timeoutMs = 90_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = demo.stdout.map((line) => line.match(pattern)).find(Boolean);
    if (match) return match;
    if (demo.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`no line matching ${pattern}; stdout:\n${demo.stdout.join('\n')}\nstderr:\n${demo.stderr.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every process below `root`, from /proc (children, their children, ...). */
export function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      continue; // it exited while we looked
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** A process's command line, or '' once it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Expects none of `pids` to run and nothing to listen on `ports`. */
export async function expectNothingLeft(pids: number[], ports: number[]): Promise<void> {
  // Give the kernel a moment to finish reaping grandchildren reparented on the launcher's exit.
  for (let i = 0; i < 20 && pids.some(isProcessAlive); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(pids.filter(isProcessAlive).map((pid) => `${pid} ${commandLine(pid)}`)).toEqual([]);
  const listening = [];
  for (const port of ports) if (await isListening(port)) listening.push(port);
  expect(listening).toEqual([]);
}

const CHECKOUT = { customerId: 'c-1', items: [{ sku: 'SKU-0000042', quantity: 1 }] };

/** Places one checkout through the demo's gateway, expects it to succeed, and resolves with its trace id. */
export async function placeCheckout(): Promise<string> {
  const response = await fetch('http://127.0.0.1:8080/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CHECKOUT),
  });
  const body = (await response.json()) as { traceId: string };
  expect(response.status).toBe(201);
  return body.traceId;
}

// One line of fulfilment's exposition: the count of its commit-to-fulfilled lag histogram.
const LAG_COUNT = /^order_fulfilment_lag_seconds_count(?:\{[^}]*\})? (\d+)/m;

/** Polls fulfilment's /metrics until it has fulfilled at least `orders` orders; resolves with its count. */
export async function waitForFulfilled(orders: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let fulfilled = 0;
  while (Date.now() < deadline) {
    const text = await fetch('http://127.0.0.1:8083/metrics').then((r) => r.text(), () => '');
    fulfilled = Number(LAG_COUNT.exec(text)?.[1] ?? 0);
    if (fulfilled >= orders) return fulfilled;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`fulfilment fulfilled ${fulfilled} orders, not ${orders}, within ${timeoutMs / 1000} s`);
}

/** SIGKILLs every demo still running and its processes: a failed test must not hold the DESIGN ports for the next. */
export function killLaunchedDemos(): void {
  for (const demo of launched.splice(0)) {
    if (demo.child.exitCode !== null || demo.child.signalCode !== null) continue;
    const pids = descendants(demo.child.pid!);
    demo.child.kill('SIGKILL');
    for (const pid of pids) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  }
}
