import { spawn } from 'node:child_process';
import { createTestDatabase, isProcessAlive, type TestDatabase } from '@tracecart/testkit';

// testkit's promise, checked here where the gateway is built: a script that starts an app and
// then dies without stopping it, as a crashed bench would, leaves nothing running.
const CRASHING_SCRIPT = `
  const { startServiceProcess } = require('@tracecart/testkit');
  startServiceProcess('gateway', { DATABASE_URL: process.env.TEST_DATABASE_URL, OTEL_SDK_DISABLED: 'true' }).then((app) => {
    console.log(app.pid);
    throw new Error('the script crashes before it stops the app');
  });
`;

/** Runs the script; resolves once it has exited and its stdout has ended (its stderr may stay open in the app). */
function runScript(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  const script = spawn(process.execPath, ['-e', CRASHING_SCRIPT], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  script.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const ended = new Promise<void>((resolve) => script.stdout.once('end', () => resolve()));
  const exited = new Promise<number | null>((resolve) => script.once('exit', (code) => resolve(code)));
  return Promise.all([exited, ended]).then(([code]) => ({ code, stdout }));
}

describe('apps started by a process that dies', () => {
  let db: TestDatabase;
  let appPid: number | undefined;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 10 });
  });
  afterAll(async () => {
    // Only if the behaviour under test failed: never leave the app behind.
    if (appPid !== undefined && isProcessAlive(appPid)) process.kill(appPid, 'SIGKILL');
    await db?.drop();
  });

  it('are ended when that process exits', async () => {
    const script = await runScript({ ...process.env, TEST_DATABASE_URL: db.url });
    expect(script.code).not.toBe(0);
    const printed = Number(script.stdout.trim());
    expect(Number.isInteger(printed) && printed > 0).toBe(true);
    appPid = printed;
    // The kill is sent as the script exits; the app is gone once the kernel has reaped it.
    while (isProcessAlive(appPid)) await new Promise((resolve) => setTimeout(resolve, 20));
  });
});
