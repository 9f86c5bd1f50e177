// `lab flags reset` against a real console on a throwaway database: every switch back to its default.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_FLAGS, FLAG_NAMES } from '@tracecart/flags';
import { createTestDatabase, requestJson, startServiceProcess, waitUntil, type ServiceProcess, type TestDatabase } from '@tracecart/testkit';

const CLI = path.join(__dirname, '..', 'dist', 'main.js');

function lab(args: string[], consoleUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, CONSOLE_URL: consoleUrl };
    execFile(process.execPath, [CLI, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('lab flags reset', () => {
  let db: TestDatabase;
  let consoleServer: ServiceProcess;
  const put = (name: string, value: unknown) => requestJson(`${consoleServer.url}/api/flags/${name}`, { method: 'PUT', body: { value } });
  const getFlags = async () => (await requestJson(`${consoleServer.url}/api/flags`)).body;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 2000 });
    // The console as the demo runs it: its own process, untraced, no Jaeger UI.
    consoleServer = await startServiceProcess('console', { DATABASE_URL: db.url, OTEL_SDK_DISABLED: 'true', JAEGER_UI_URL: 'none', CATALOG_SIZE: '2000' });
  }, 60_000);
  afterAll(async () => {
    await consoleServer?.stop();
    await db.drop();
  });

  it('turns every fix off and every chaos switch to zero, waits for the index to go, and prints that state', async () => {
    for (const name of ['fix.index', 'fix.cache', 'fix.batch']) expect((await put(name, true)).status).toBe(200);
    expect((await put('chaos.latency', { ms: 200, rate: 0.5 })).status).toBe(200);
    expect((await put('chaos.errors', { rate: 0.1 })).status).toBe(200);
    await waitUntil('the index to be built', async () => Object.keys((await getFlags()).pending).length === 0, 30_000);
    expect((await getFlags()).flags['fix.index']).toBe(true);

    const result = await lab(['flags', 'reset'], consoleServer.url);

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const expected = FLAG_NAMES.map((name) => `${name.padEnd(16)} ${name === 'chaos.latency' ? 'ms=0 rate=0' : name === 'chaos.errors' ? 'rate=0' : 'off'}`);
    expect(result.stdout.trim().split('\n')).toEqual(expected);
    expect(await getFlags()).toEqual({ flags: DEFAULT_FLAGS, pending: {}, index: 'absent' });
  }, 90_000);

  it('takes no further words', async () => {
    const result = await lab(['flags', 'reset', 'fix.index'], consoleServer.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: lab flags \[set NAME VALUE \| reset\]/);
  });
});
