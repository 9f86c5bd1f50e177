import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DemoError } from './demo-error';
import { formatLogLine } from './log-line';
import type { Progress } from './progress';

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** One app to run: its package folder, the port it must report, its environment. */
export interface ServiceSpec {
  name: string;
  packageDir: string;
  port: number;
  env: Record<string, string>;
}

/** A service running as a child process of the launcher. */
export interface ChildService {
  name: string;
  pid: number;
  /** Resolves with how the process ended, whoever ended it. */
  exited: Promise<string>;
  /** SIGTERM (the service drains and flushes its spans), then waits; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

function spawnService(spec: ServiceSpec): ChildProcess {
  const guard = path.join(__dirname, 'orphan-guard.js');
  const args = ['--require', '@tracecart/tracing/register', '--require', guard, path.join(spec.packageDir, 'dist', 'main.js')];
  // Its own process group: a Ctrl-C in the terminal reaches only the launcher, which then
  // stops the services in order, so their last spans still find the tracestore up.
  return spawn(process.execPath, args, {
    cwd: spec.packageDir,
    env: { ...process.env, ...spec.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
}

// Every output line goes to the progress printer; resolves once the app logs that it listens.
function followOutput(child: ChildProcess, spec: ServiceSpec, progress: Progress, lastLines: string[]): Promise<void> {
  return new Promise((resolve) => {
    const onLine = (line: string) => {
      lastLines.push(line);
      lastLines.splice(0, lastLines.length - 3);
      progress.child(spec.name, formatLogLine(line));
      if (line.includes('"msg":"listening"') && line.includes(`"port":${spec.port}`)) resolve();
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
  });
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

function waitForListening(spec: ServiceSpec, listening: Promise<void>, exited: Promise<string>, lastLines: string[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DemoError(`${spec.name} did not start listening on port ${spec.port} within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  const early = exited.then((how) => {
    throw new DemoError(`${spec.name} exited while starting (${how}): ${lastLines.at(-1) ?? 'no output'}`);
  });
  return Promise.race([listening, early, timeout]).finally(() => clearTimeout(timer));
}

function stopProcess(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const escalate = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  return exited.then(() => clearTimeout(escalate));
}

/** Starts an app with the tracing preload and resolves once it listens on its port. */
export async function startChildService(spec: ServiceSpec, progress: Progress): Promise<ChildService> {
  const child = spawnService(spec);
  const lastLines: string[] = [];
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => {
      child.stdin?.destroy(); // the orphan-guard pipe; left open it would keep the launcher alive
      resolve(describeExit(code, signal));
    });
  });
  const service: ChildService = { name: spec.name, pid: child.pid ?? -1, exited, stop: () => stopProcess(child, exited) };
  try {
    await waitForListening(spec, followOutput(child, spec, progress, lastLines), exited, lastLines);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}
