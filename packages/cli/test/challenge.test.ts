// `lab challenge`, a full round with a fixed seed on real Postgres: the stack and the console run
// as the demo runs them; the CLI is the built one. While the challenge runs, the problem shows in
// neither `lab flags`, the flags API nor any span; a wrong answer is checked under a bounded load
// and leaves its fix off; the right one ends the challenge and reveals the problem.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { Pool } from 'pg';
import { LAB_NAMESPACE } from '@tracecart/contracts';
import { PROBLEM_FIXES, PROBLEM_FIX_NAMES, PROBLEM_NAMES, type ProblemName } from '@tracecart/flags';
import { requestJson, startLab, startServiceProcess, waitUntil, type Lab, type ReceivedSpan, type ServiceProcess } from '@tracecart/testkit';

const CLI = path.join(__dirname, '..', 'dist', 'main.js');
const SEED = 7;
const CATALOG_SIZE = 2000;
// A check's two runs stay tiny: 5 checkouts a second for a second each.
const CHECK_LOAD = ['--rate', '5', '--duration', '1s'];
const PROBLEM_ATTRIBUTE = `${LAB_NAMESPACE}problem.`;
const SERVICES = ['gateway', 'order', 'inventory'];

function lab(args: string[], consoleUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, CONSOLE_URL: consoleUrl };
    execFile(process.execPath, [CLI, ...args], { env, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('lab challenge: a full round with a fixed seed', () => {
  let stack: Lab;
  let consoleServer: ServiceProcess;
  let pool: Pool;
  const run = (...args: string[]) => lab(args, consoleServer.url);
  const flagsApi = async () => (await requestJson(`${consoleServer.url}/api/flags`)).body;
  const flagRow = async (name: string) => (await pool.query('SELECT value FROM lab_flags WHERE name = $1', [name])).rows[0]?.value;

  beforeAll(async () => {
    stack = await startLab({ catalogSize: CATALOG_SIZE });
    consoleServer = await startServiceProcess('console', {
      DATABASE_URL: stack.db.url,
      GATEWAY_URL: stack.stack.gateway.url,
      OTEL_SDK_DISABLED: 'true',
      JAEGER_UI_URL: 'none',
      CATALOG_SIZE: String(CATALOG_SIZE),
    });
    pool = new Pool({ connectionString: stack.db.url, max: 2 });
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await consoleServer?.stop();
    await stack?.stop();
  });

  /** The server spans of one checkout, once every service has exported its part. */
  async function checkoutServerSpans(k: number): Promise<ReceivedSpan[]> {
    const answer = await requestJson<{ traceId: string }>(`${stack.stack.gateway.url}/api/checkout`, {
      body: { customerId: `c-challenge-${k}`, items: [{ sku: 'SKU-0000042', quantity: 1 }] },
    });
    expect(answer.status).toBe(201);
    const isServer = (s: ReceivedSpan) => s.span.kind === 2;
    const spans = await stack.receiver.waitForTrace(answer.body.traceId, (all) => SERVICES.every((service) => all.some((s) => s.service === service && isServer(s))));
    return spans.filter(isServer);
  }
  const problemKeys = (spans: ReceivedSpan[]) => spans.flatMap((s) => Object.keys(s.attributes).filter((key) => key.startsWith(PROBLEM_ATTRIBUTE)));

  it('hides the problem until answered, leaves a wrong fix off, and reveals it on the right answer', async () => {
    // Before: every server span names every problem switch (off).
    expect(new Set(problemKeys(await checkoutServerSpans(0))).size).toBe(PROBLEM_NAMES.length);

    const started = await run('challenge', 'start', '--seed', String(SEED));
    expect(started).toMatchObject({ code: 0, stderr: '' });
    expect(started.stdout).toMatch(new RegExp(`challenge \\d+ \\(seed ${SEED}\\) running`));
    // The secret, as the database holds it: the problem switch is really on.
    const { rows } = await pool.query<{ problem: ProblemName }>('SELECT problem FROM lab_challenge WHERE ended_at IS NULL');
    const problem = rows[0].problem;
    expect(PROBLEM_NAMES).toContain(problem);
    expect(await flagRow(problem)).toBe(true);

    // `lab flags` and the flags API show no problem switch's value, and refuse to set one.
    const flags = await run('flags');
    expect(flags.code).toBe(0);
    expect(flags.stdout).not.toMatch(/^problem\.\S+\s+(on|off)\b/m);
    expect(flags.stdout).toContain(`${PROBLEM_NAMES.join(', ')}: hidden while a challenge runs`);
    const api = await flagsApi();
    expect(Object.keys(api.flags).filter((name) => name.startsWith('problem.'))).toEqual([]);
    expect(api.hidden).toEqual(PROBLEM_NAMES);
    expect((await requestJson(`${consoleServer.url}/api/flags/${problem}`, { method: 'PUT', body: { value: false } })).status).toBe(409);

    // Spans: once every service runs with the challenge's switches (fix.batch went on with it),
    // none stamps any lab.problem.* attribute.
    let spans: ReceivedSpan[] = [];
    let k = 1;
    await waitUntil('every service to run with the challenge', async () => {
      spans = await checkoutServerSpans(k++);
      return SERVICES.every((service) => spans.some((s) => s.service === service && s.attributes[`${LAB_NAMESPACE}fix.batch`] === true));
    });
    expect(problemKeys(spans)).toEqual([]);

    // A wrong answer: checked under the bounded load, then its fix is off again; the challenge goes on.
    const wrongFix = PROBLEM_FIX_NAMES.find((fix) => fix !== PROBLEM_FIXES[problem])!;
    const wrong = await run('challenge', 'answer', wrongFix, ...CHECK_LOAD);
    expect(wrong.stderr).toBe('');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain(`${wrongFix}: not this one; ${wrongFix} is off again.`);
    expect(wrong.stdout).toMatch(/the SLO (did not recover|recovered|held) with/);
    expect(wrong.stdout).toContain('the problem stays hidden');
    expect(wrong.stdout).not.toContain(problem);
    expect(await flagRow(wrongFix)).toBe(false);
    expect((await flagsApi()).hidden).toEqual(PROBLEM_NAMES);

    // The right answer ends the challenge, keeps its fix on and reveals the problem.
    const rightFix = PROBLEM_FIXES[problem];
    const right = await run('challenge', 'answer', rightFix, ...CHECK_LOAD);
    expect(right).toMatchObject({ code: 0, stderr: '' });
    expect(right.stdout).toContain(`${rightFix}: right.`);
    expect(right.stdout).toMatch(/time taken: \S+ since the challenge started/);
    expect(right.stdout).toContain(`the problem was ${problem} (fixed by ${rightFix})`);
    const after = await flagsApi();
    expect(after.hidden).toBeUndefined();
    expect(after.flags).toMatchObject({ [problem]: true, [rightFix]: true });
    const status = await run('challenge', 'status');
    expect(status.stdout).toMatch(new RegExp(`seed ${SEED}\\) solved after`));
    expect(status.stdout).toContain(`${wrongFix}: wrong`);
  }, 180_000);

  it('picks the same problem from the same seed, and give-up reveals it', async () => {
    const first = (await pool.query<{ problem: string }>('SELECT problem FROM lab_challenge WHERE seed = $1', [SEED])).rows[0].problem;
    expect((await run('challenge', 'start', '--seed', String(SEED))).code).toBe(0);
    const gaveUp = await run('challenge', 'give-up');
    expect(gaveUp.code).toBe(0);
    expect(gaveUp.stdout).toContain(`given up after`);
    expect(gaveUp.stdout).toContain(`the problem was ${first} `);
    expect((await flagsApi()).hidden).toBeUndefined();
  }, 60_000);

  it('says what it takes', async () => {
    const result = await run('challenge', 'answer');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: lab challenge start/);
  });
});
