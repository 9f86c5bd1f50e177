import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freeLoopbackPort, listenOnLoopback, type RunningServer } from '@tracecart/testkit';
import { observeLags, setOrderQueue, startFulfilmentMetrics, type FulfilmentMetrics } from './fixtures/fulfilment-metrics';

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
  let fulfilment: FulfilmentMetrics;
  // Nothing listens here: a lab without fulfilment, whatever runs on the machine's 8083.
  let fulfilmentDown: string;
  const received: { body: string; baggage?: string }[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'lab-load-'));

  beforeAll(async () => {
    fulfilmentDown = `http://127.0.0.1:${await freeLoopbackPort()}`;
    // A stand-in fulfilment: each successful checkout is fulfilled 50 ms after it, one message stays queued.
    fulfilment = await startFulfilmentMetrics();
    setOrderQueue(fulfilment, 1, 0);
    // A stand-in shop: fast 201s, except that every 10th checkout fails with a known error.
    shop = await listenOnLoopback((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        // The generator opens its sockets with a few GETs first; only checkouts count here.
        if (req.method !== 'POST') return void res.writeHead(200).end('{}');
        received.push({ body, baggage: req.headers.baggage as string | undefined });
        const failing = received.length % 10 === 0;
        if (!failing) observeLags(fulfilment, 1, 0.05);
        res.writeHead(failing ? 409 : 201, { 'content-type': 'application/json' });
        res.end(failing ? '{"error":{"code":"insufficient_stock","message":"x"}}' : '{"orderId":"o"}');
      });
    });
  });
  afterAll(() => Promise.all([shop.close(), fulfilment.close()]));

  it('runs a bounded load, reports the SLO and writes the JSON report', async () => {
    const out = path.join(dir, 'a.json');
    const run = await lab(['load', '--rate', '40', '--duration', '1s', '--target', shop.url, '--items', '2', '--json', out, '--fulfilment-url', fulfilmentDown]);
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

  it('keeps the latency verdict and exit code when fulfilment does not answer, saying freshness was not measured', async () => {
    const out = path.join(dir, 'no-fulfilment.json');
    const run = await lab(['load', '--rate', '20', '--duration', '500ms', '--target', shop.url, '--slo', 'p99<5s,success>=50%', '--fulfilment-url', fulfilmentDown, '--json', out]);
    expect(run.stdout).toContain('freshness not measured (');
    expect(run.stdout).toContain('ECONNREFUSED');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect([run.code, report.slo.verdict, report.freshness.measured]).toEqual([0, 'pass', false]);
  });

  it('measures freshness from fulfilment and exits 3 when its objective is missed, even with the latency SLO met', async () => {
    const out = path.join(dir, 'freshness.json');
    const args = ['load', '--rate', '20', '--duration', '1s', '--target', shop.url, '--slo', 'p99<5s,success>=50%'];
    const run = await lab([...args, '--fulfilment-url', fulfilment.url, '--freshness', 'p99<1s', '--freshness-grace', '50ms', '--json', out]);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    // 18 of 20 checkouts succeed and are fulfilled within 1 s; the one message left queued counts as late: 18 of 19 < 99%.
    expect(report.freshness).toMatchObject({ measured: true, objective: 'p99<1s', fulfilled: 18, stillQueued: 1, verdict: 'missed' });
    expect([run.code, report.slo.verdict]).toEqual([3, 'pass']);
    expect(run.stdout).toContain('freshness waiting up to 0.05 s for order.placed to drain (1 queued or active)');
    expect(run.stdout).toContain('fulfilled 18 (1 still queued after');
    expect(run.stdout).toContain('objective p99<1s: missed');
  });

  it('documents the freshness options and exit codes in its help', async () => {
    const help = await lab(['load', '--help']);
    expect(help.stdout).toContain('[--freshness p99<5s] [--fulfilment-url http://127.0.0.1:8083] [--freshness-grace 30s]');
    expect(help.stdout).toContain('3 when the SLO failed or the measured');
  });

  it.each([
    ['--freshness', ['--rate', '5', '--duration', '1s', '--freshness', 'p99<soon']],
    ['--fulfilment-url', ['--rate', '5', '--duration', '1s', '--fulfilment-url', 'http://192.0.2.1:8083']],
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
