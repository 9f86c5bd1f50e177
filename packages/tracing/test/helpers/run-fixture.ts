import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { OtlpReceiver } from '@tracecart/testkit';

const REGISTER = path.join(__dirname, '..', '..', 'dist', 'register.js');
const SERVER = path.join(__dirname, '..', 'fixtures', 'express-pg-server.js');

/** The fixture app under the preload, exporting to the receiver; `stop` flushes its spans. */
export interface TracedFixture {
  readonly port: string;
  stop(): Promise<void>;
}

/** Starts the Express/pg fixture under the tracing preload with the given extra environment. */
export async function startTracedFixture(receiver: OtlpReceiver, env: Record<string, string> = {}): Promise<TracedFixture> {
  const child = spawn(process.execPath, ['--require', REGISTER, SERVER], {
    env: { ...process.env, OTEL_SERVICE_NAME: 'official-test', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '600000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // No signal handler of its own: the preload flushes the spans and exits.
    child.kill('SIGTERM');
    await exited;
  };
  return { port, stop };
}
