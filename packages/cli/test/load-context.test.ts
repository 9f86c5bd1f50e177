import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requestJson, startLab, startServiceProcess, type Lab, type ServiceProcess } from '@tracecart/testkit';

const CLI = path.join(__dirname, '..', 'dist', 'main.js');
const CATALOG_SIZE = 2000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// Runs the CLI against this file's console; `onLine` sees stdout as it comes (progress lines included).
function lab(args: string[], env: Record<string, string>, cwd: string, onLine?: (line: string) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      for (const line of String(chunk).split('\n')) if (line) onLine?.(line);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('lab load records the switches it ran under, and lab compare says what differs', () => {
  let stack: Lab;
  let labConsole: ServiceProcess;
  let env: Record<string, string>;
  const dir = mkdtempSync(path.join(tmpdir(), 'lab-load-context-'));

  const setSwitch = (name: string, value: boolean) => requestJson(`${labConsole.url}/api/flags/${name}`, { method: 'PUT', body: { value } });
  const load = (json: string[], onLine?: (line: string) => void, duration = '1s') =>
    lab(['load', '--rate', '10', '--duration', duration, '--mix', 'mixed', '--items', '2', '--catalog-size', String(CATALOG_SIZE), '--target', stack.stack.gateway.url, ...json], env, dir, onLine);
  const readReport = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

  beforeAll(async () => {
    stack = await startLab({ catalogSize: CATALOG_SIZE });
    labConsole = await startServiceProcess('console', {
      DATABASE_URL: stack.db.url,
      GATEWAY_URL: stack.stack.gateway.url,
      CATALOG_SIZE: String(CATALOG_SIZE),
      JAEGER_UI_URL: 'none',
    });
    env = { CONSOLE_URL: labConsole.url };
  }, 120_000);

  afterAll(async () => {
    await labConsole?.stop();
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a report with the switches, workload and version; --json alone writes under runs/', async () => {
    const run = await load(['--json']);
    expect(run.stderr).toBe('');
    const files = readdirSync(path.join(dir, 'runs'));
    expect(files).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-10rps\.json$/)]);
    const { context } = readReport(path.join('runs', files[0]));
    expect(context.settings).toMatchObject({ 'fix.index': 'off', 'fix.cache': 'off', 'fix.batch': 'off' });
    expect(context.settingsAtEnd).toEqual(context.settings);
    expect(context.changedDuringRun).toEqual([]);
    expect(context.workload).toEqual({ rate: 10, mix: 'mixed', items: 2, 'catalog size': CATALOG_SIZE, 'lab catalog size': CATALOG_SIZE });
    expect(context.version).toMatch(/^tracecart \d+\.\d+\.\d+/);
    expect(run.stdout).toContain('settings  ');
    expect(run.stdout).toContain(`report    ${path.join('runs', files[0])}`);
  }, 60_000);

  it('reports a switch flipped while the load runs, with a warning line', async () => {
    let flipped: Promise<unknown> | undefined;
    // The first progress line means the schedule is under way: flip fix.cache then.
    const run = await load(['--json', 'flipped.json'], (line) => (flipped ??= line.includes('p50') ? setSwitch('fix.cache', true) : undefined), '4s');
    await flipped;
    const { context } = readReport('flipped.json');
    expect(context.settings['fix.cache']).toBe('off');
    expect(context.settingsAtEnd['fix.cache']).toBe('on');
    expect(context.changedDuringRun).toEqual(['fix.cache']);
    expect(run.stdout).toContain('warning   fix.cache (off -> on) changed during the run');
  }, 60_000);

  it('compares two runs differing in two switches: marks both and warns that the difference is not one switch\'s', async () => {
    await setSwitch('fix.batch', true);
    await load(['--json', 'runs/after.json']);
    const before = path.join('runs', readdirSync(path.join(dir, 'runs')).find((f) => f.endsWith('rps.json'))!);
    const cmp = await lab(['compare', before, 'runs/after.json', '--switch', 'fix.cache'], env, dir);
    expect(cmp.code).toBe(0);
    expect(cmp.stdout).toMatch(/fix\.batch\s+off\s+on\s+<- differs/);
    expect(cmp.stdout).toMatch(/fix\.cache\s+off\s+on\s+<- differs/);
    expect(cmp.stdout).toMatch(/fix\.index\s+off\s+off\n/);
    expect(cmp.stdout).toContain("warning: the runs differ in fix.batch as well as fix.cache: the difference is not fix.cache's alone");
    expect(cmp.stdout).toMatch(/p99 \(ms\)/);
  }, 60_000);

  it('still compares a report written before reports had a context, noting its switches are unknown', async () => {
    const { context: _dropped, ...old } = readReport('runs/after.json');
    writeFileSync(path.join(dir, 'old.json'), JSON.stringify(old));
    const cmp = await lab(['compare', 'old.json', 'runs/after.json'], env, dir);
    expect(cmp.code).toBe(0);
    expect(cmp.stdout).toMatch(/fix\.batch\s+unknown\s+on\n/);
    expect(cmp.stdout).toContain('note: old.json records no switches');
    expect(cmp.stdout).not.toContain('<- differs');
    expect(existsSync(path.join(dir, 'runs', 'after.json'))).toBe(true);
  }, 60_000);
});
