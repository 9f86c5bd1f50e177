import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listenOnLoopback, type RunningServer } from '@tracecart/testkit';

const CLI = path.join(__dirname, '..', 'dist', 'main.js');

function lab(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // No console answers on port 1: these runs show how a load without the lab's console is reported.
    const env = { ...process.env, CONSOLE_URL: 'http://127.0.0.1:1' };
    execFile(process.execPath, [CLI, ...args], { timeout: 30_000, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('lab load and lab compare', () => {
  let shop: RunningServer;
  const received: { body: string; baggage?: string }[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'lab-load-'));

  beforeAll(async () => {
    // A stand-in shop: fast 201s, except that every 10th checkout fails with a known error.
    shop = await listenOnLoopback((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        // The generator opens its sockets with a few GETs first; only checkouts count here.
        if (req.method !== 'POST') return void res.writeHead(200).end('{}');
        received.push({ body, baggage: req.headers.baggage as string | undefined });
        const failing = received.length % 10 === 0;
        res.writeHead(failing ? 409 : 201, { 'content-type': 'application/json' });
        res.end(failing ? '{"error":{"code":"insufficient_stock","message":"x"}}' : '{"orderId":"o"}');
      });
    });
  });
  afterAll(() => shop.close());

  it('runs a bounded load, reports the SLO and writes the JSON report', async () => {
    const out = path.join(dir, 'a.json');
    const run = await lab(['load', '--rate', '40', '--duration', '1s', '--target', shop.url, '--items', '2', '--json', out]);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.counts.sent).toBe(40);
    expect(report.errorsByCode).toEqual({ insufficient_stock: 4 });
    // 10% errors misses a 99.9% success objective: exit 3, not a crash.
    expect([run.code, report.slo.verdict]).toEqual([3, 'fail']);
    expect(run.stdout).toMatch(/p99/);
    const body = JSON.parse(received[0].body);
    expect(body.items).toHaveLength(2);
    expect(received[0].baggage).toContain('synthetic_request=true');
    // Without a console the run still reports, with its switches unknown and saying why.
    expect(report.context).toMatchObject({ settings: null, settingsAtEnd: null, workload: { rate: 40, items: 2 } });
    expect(report.context.note).toContain('did not answer');
    expect(run.stdout).toContain('settings  unknown');
  });

  it.each([
    ['--rate', ['--rate', '-3', '--duration', '1s']],
    ['--duration', ['--rate', '5', '--duration', 'soon']],
    ['--slo', ['--rate', '5', '--duration', '1s', '--slo', 'p99<fast']],
    ['--target', ['--rate', '5', '--duration', '1s', '--target', 'http://192.0.2.1:8080']],
  ])('rejects a bad %s with a usage error naming it, sending nothing', async (flag, args) => {
    const before = received.length;
    const run = await lab(['load', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(flag);
    expect(received.length).toBe(before);
  });

  it('compares two reports and refuses files that are not reports', async () => {
    const a = path.join(dir, 'a.json');
    const cmp = await lab(['compare', a, a]);
    expect(cmp.code).toBe(0);
    expect(cmp.stdout).toMatch(/p99/);
    expect(cmp.stdout).toContain(`note: ${a} records no switches`);
    const junk = path.join(dir, 'junk.json');
    writeFileSync(junk, '{"hello": 1}');
    const bad = await lab(['compare', a, junk]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('not a report')]);
  });
});
