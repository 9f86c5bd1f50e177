import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { killOnExit } from './kill-on-exit';
import { LaunchError } from './launch-error';
import { followOutput, type OutputLines, type OutputStream } from './output-lines';
import { readReadyMessage, type ReadyMessage } from './ready-message';
import { stopChild } from './stop-child';

/** How to run a service as a child process. */
export interface LaunchOptions {
  /** Names the service in errors. */
  name: string;
  /** The script node runs, e.g. an app's dist/main.js. */
  main: string;
  /** Defaults to the script's folder. */
  cwd?: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Modules node loads first (`--require`), e.g. TRACING_PRELOAD. */
  preload?: readonly string[];
  /** Its own process group: a Ctrl-C in the terminal then reaches only the launcher. */
  detached?: boolean;
  /** The child shuts itself down (as on SIGTERM) when this process dies without stopping it. */
  stopWithLauncher?: boolean;
  /** SIGKILLs the child when this process exits while it runs. */
  killOnExit?: boolean;
  /** Every line the child prints, as it prints it. */
  onLine?: (line: string, stream: OutputStream) => void;
  /** How long it may take to report ready; 30 s by default. */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL; 10 s by default. */
  stopTimeoutMs?: number;
}

/** A service running as a child process that has reported ready. */
export interface LaunchedService {
  name: string;
  pid: number;
  /** Its main port, from its ready message. */
  port: number;
  /** Every port it listens on, by name. */
  ports: Record<string, number>;
  /** Resolves with how the process ended ("exit code 1", "signal SIGKILL"), whoever ended it. */
  exited: Promise<string>;
  /** As `exited`, but once its last output has been read too (1 s at most after the exit). */
  finished: Promise<string>;
  /** The last few lines it printed, oldest first: why it died, when it did. */
  lastLines(): string[];
  /** SIGTERM, then waits for the exit; SIGKILL after stopTimeoutMs. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
// After an early exit, how long to wait for the output still in the pipes (its last words).
const OUTPUT_GRACE_MS = 1_000;

const ORPHAN_GUARD = path.join(__dirname, 'orphan-guard.js');

function spawnChild(options: LaunchOptions): ChildProcess {
  const preload = [...(options.preload ?? []), ...(options.stopWithLauncher ? [ORPHAN_GUARD] : [])];
  return spawn(process.execPath, [...preload.flatMap((module) => ['--require', module]), options.main], {
    cwd: options.cwd ?? path.dirname(options.main),
    env: { ...process.env, ...options.env },
    // stdin is the orphan guard's pipe when asked for; 'ipc' carries the ready message.
    stdio: [options.stopWithLauncher ? 'pipe' : 'ignore', 'pipe', 'pipe', 'ipc'],
    detached: options.detached ?? false,
  });
}

function watchExit(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    child.on('error', (error) => resolve(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => {
      child.stdin?.destroy(); // the orphan guard's pipe; left open it would keep this process alive
      resolve(signal ? `signal ${signal}` : `exit code ${code}`);
    });
  });
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

function waitForReady(child: ChildProcess, options: LaunchOptions, exited: Promise<string>, output: OutputLines): Promise<ReadyMessage> {
  const timeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  let onMessage: (message: unknown) => void = () => undefined;
  const ready = new Promise<ReadyMessage>((resolve) => {
    onMessage = (message) => {
      const parsed = readReadyMessage(message);
      if (parsed) resolve(parsed);
    };
    child.on('message', onMessage);
  });
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LaunchError(options.name, `did not report ready within ${timeoutMs / 1000} s`, output.last())), timeoutMs);
  });
  const exitedEarly = exited.then(async (how): Promise<never> => {
    await Promise.race([output.ended, delay(OUTPUT_GRACE_MS)]);
    throw new LaunchError(options.name, `exited while starting (${how})`, output.last());
  });
  return Promise.race([ready, exitedEarly, timedOut]).finally(() => {
    clearTimeout(timer);
    child.off('message', onMessage);
  });
}

/**
 * Starts `node [--require ...] main` and resolves once it sends its ready message over IPC.
 * Rejects with a LaunchError (after stopping it) when it exits first or stays silent too long.
 */
export async function launchService(options: LaunchOptions): Promise<LaunchedService> {
  const child = spawnChild(options);
  const exited = watchExit(child);
  if (options.killOnExit) killOnExit(child);
  const output = followOutput(child, options.onLine ?? (() => undefined));
  const stop = () => stopChild(child, exited, options.stopTimeoutMs ?? STOP_TIMEOUT_MS);
  let ready: ReadyMessage;
  try {
    ready = await waitForReady(child, options, exited, output);
  } catch (error) {
    // A child that never said it is ready is ended here, or it would outlive the caller.
    await stop();
    throw error;
  }
  // The channel was only for the ready message; left open it would keep this process alive.
  if (child.connected) child.disconnect();
  // The exit event can come before the pipes have given up the child's last words.
  const finished = exited.then(async (how) => {
    await Promise.race([output.ended, delay(OUTPUT_GRACE_MS)]);
    return how;
  });
  return { name: options.name, pid: child.pid!, port: ready.ready, ports: ready.ports, exited, finished, lastLines: output.last, stop };
}
