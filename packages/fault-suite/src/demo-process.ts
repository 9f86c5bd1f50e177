import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { waitUntil } from '@tracecart/testkit';

/** `lab demo` running as a child of the suite, with what it printed. */
export interface DemoProcess {
  child: ChildProcess;
  output: string[];
  /** The supervisor's loopback status endpoint, from the ready banner. */
  statusUrl: string;
  /** SIGINT, then SIGKILL to the demo and its services if it has not exited within the bound. */
  stop(): Promise<void>;
}

/** One service as the supervisor reports it. */
export interface ServiceStatus {
  name: string;
  state: string;
  restarts: number | null;
  pid: number | null;
  lastExit: string | null;
}

// The built CLI of this monorepo: packages/<this>/{src,dist} → packages/cli/dist/main.js.
const CLI_MAIN = path.join(__dirname, '..', '..', 'cli', 'dist', 'main.js');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;
const STATUS_LINE = /service states +(http:\/\/127\.0\.0\.1:\d+\/\S+)/;

/** The services' states from the demo's status endpoint. */
export async function readServiceStates(statusUrl: string): Promise<ServiceStatus[]> {
  const response = await fetch(statusUrl, { signal: AbortSignal.timeout(2000) });
  return ((await response.json()) as { services: ServiceStatus[] }).services;
}

async function stopDemo(child: ChildProcess, statusUrl: string | undefined): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const pids = statusUrl ? (await readServiceStates(statusUrl).catch(() => [])).map((s) => s.pid) : [];
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const timer = setTimeout(() => {
    // It did not drain in time: nothing it started may outlive the suite.
    for (const pid of [child.pid, ...pids]) if (pid) process.kill(pid, 'SIGKILL');
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Starts `lab demo` with `env` on top of ours and waits for its ready banner. */
export async function launchDemo(env: Record<string, string>): Promise<DemoProcess> {
  const child = spawn(process.execPath, [CLI_MAIN, 'demo'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => output.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  const statusLine = () => output.map((line) => line.match(STATUS_LINE)).find(Boolean);
  try {
    await waitUntil('the demo to print its service states URL', () => statusLine() !== undefined || child.exitCode !== null, READY_TIMEOUT_MS, 100);
    if (!statusLine()) throw new Error(`lab demo exited before it was ready:\n${output.join('\n')}`);
  } catch (error) {
    await stopDemo(child, undefined);
    throw error;
  }
  const statusUrl = statusLine()![1];
  const stop = async () => {
    await stopDemo(child, statusUrl);
    process.removeListener('exit', onExit);
  };
  return { child, output, statusUrl, stop };
}
