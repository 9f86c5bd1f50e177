// `lab diagnose` as a person runs it (node dist/main.js), against the tracestore holding traces
// the real services produced.
import { execFile } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { createJaegerClient } from '@tracecart/jaeger-client';
import { buildTraceTree, diagnose, normalizeStatement, type TraceTree } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES } from '@tracecart/lab-rules';
import { startTracestore, type TracestoreHandle } from '@tracecart/tracestore';
import { writeFlag } from '@tracecart/flags';
import { LAB_EVENTS } from '@tracecart/contracts';
import { createTestDatabase, listenOnLoopback, requestJson, startStack, type RunningServer, type Stack, type TestDatabase } from '@tracecart/testkit';

const CLI_MAIN = path.join(__dirname, '..', 'dist', 'main.js');
const SKUS = ['SKU-0001001', 'SKU-0001002', 'SKU-0001003'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function lab(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv = { ...process.env, ...env };
    delete childEnv.JAEGER_QUERY_URL;
    execFile(process.execPath, [CLI_MAIN, 'diagnose', ...args], { env: { ...childEnv, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** One line per span: index, parent index, service, name, start..end in ms from the trace's start, statement or URL. */
async function describeTrace(jaegerUrl: string, traceId: string): Promise<string> {
  const [tree] = buildTraceTree(await createJaegerClient(jaegerUrl).getTrace(traceId));
  const t0 = Math.min(...tree.spans.map((span) => span.startNs));
  const ms = (ns: number) => ((ns - t0) / 1e6).toFixed(3);
  return tree.spans
    .map((span, i) => {
      const detail = span.attributes['db.query.text'] ?? span.attributes['url.full'] ?? '';
      return `${i} ^${span.parent} ${span.service} ${span.name} ${ms(span.startNs)}..${ms(span.endNs)} ${String(detail).slice(0, 60)}`;
    })
    .join('\n');
}

/** True once every service's spans are in: one root, no orphans, every HTTP call answered. */
function isComplete(tree: TraceTree | undefined): tree is TraceTree {
  if (!tree || tree.roots.length !== 1 || tree.orphans.length > 0) return false;
  return tree.spans.every((s) => s.kind !== 3 || s.attributes['http.request.method'] === undefined || s.children.some((c) => tree.spans[c].kind === 2));
}

describe('lab diagnose against an /api/v3 server', () => {
  let db: TestDatabase;
  let tracestore: TracestoreHandle;
  let stack: Stack;
  let jaegerUrl: string;
  const traceIds: string[] = [];

  /** Places a checkout and returns its trace id once the trace store holds the whole trace. */
  async function checkoutWhole(): Promise<string> {
    const res = await requestJson(`${stack.gateway.url}/api/checkout`, { body: { customerId: 'c-3', items: SKUS.map((sku) => ({ sku, quantity: 1 })) } });
    if (res.status !== 201) throw new Error(`checkout answered ${res.status}: ${JSON.stringify(res.body)}`);
    const id: string = res.body.traceId;
    const jaeger = createJaegerClient(jaegerUrl);
    const deadline = Date.now() + 15_000;
    // Whole by shape, and no span added over three polls: database spans are not part of the
    // shape check, and a late batch would otherwise go unnoticed.
    let stablePolls = 0;
    let lastCount = -1;
    while (stablePolls < 3) {
      if (Date.now() > deadline) throw new Error(`trace ${id} did not arrive whole`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [tree] = buildTraceTree(await jaeger.getTrace(id));
      const count = isComplete(tree) ? tree.spans.length : -1;
      stablePolls = count !== -1 && count === lastCount ? stablePolls + 1 : 0;
      lastCount = count;
    }
    return id;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 5000 });
    tracestore = await startTracestore({ otlpPort: 0, queryPort: 0, logger: pino({ level: 'silent' }) });
    jaegerUrl = `http://127.0.0.1:${tracestore.queryPort}`;
    stack = await startStack({ databaseUrl: db.url, otlpEndpoint: `http://127.0.0.1:${tracestore.otlpPort}` });
    for (let i = 0; i < 3; i++) traceIds.push(await checkoutWhole());
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    await tracestore?.close();
    await db?.drop();
  });

  it('prints the verdict first, then the contributors and the N+1 patterns of one trace', async () => {
    const run = await lab([traceIds[0], '--jaeger', jaegerUrl]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const expected = diagnose((await requestJson(`${jaegerUrl}/api/v3/traces/${traceIds[0]}`)).body, { rules: LAB_SWITCH_RULES });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(expected.verdict.line);
    expect(lines[1]).toContain(`trace ${traceIds[0]} · gateway POST /api/checkout`);
    expect(run.stdout).toMatch(/Critical path contributors[^\n]*\n\s+share\s+critical\s+spans\s+vs recent\s+service\s+operation \/ statement\n/);
    for (const group of expected.contributors) {
      expect(lines.some((l) => l.includes(`${group.service}  `) && l.endsWith(group.statement ?? group.operation))).toBe(true);
    }
    expect(run.stdout).toMatch(/N\+1 patterns\n\s+3 sequential × /);
  });

  it('prints the diagnosis as JSON with --json', async () => {
    const run = await lab([traceIds[1], '--json'], { JAEGER_QUERY_URL: jaegerUrl });
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body.summary.traceId).toBe(traceIds[1]);
    // A CI run once found none here; the span list says what the trace held when that happens.
    if (body.nPlusOne.length === 0) throw new Error(`no N+1 pattern in trace ${traceIds[1]}:\n${await describeTrace(jaegerUrl, traceIds[1])}`);
    expect(typeof body.verdict.line).toBe('string');
  });

  it('diagnoses the newest traces of a service together', async () => {
    const run = await lab(['--last', '3', '--service', 'gateway', '--jaeger', jaegerUrl]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const counted = lines.filter((l) => /^\d+ of 3 traces: /.test(l)).map((l) => Number(l.split(' ')[0]));
    expect(lines[0]).toMatch(/^\d+ of 3 traces: /);
    expect(counted.reduce((a, b) => a + b, 0)).toBe(3);
    const listed = lines.slice(lines.indexOf('Traces, newest first') + 1).filter(Boolean).map((l) => l.trim().split(' ')[0]);
    expect(listed).toEqual([...traceIds].reverse());
    const json = JSON.parse((await lab(['--last', '3', '--json', '--jaeger', jaegerUrl])).stdout);
    expect(json.summary.traceCount).toBe(3);
    expect(json.summary.contributors.find((g: { statement: string | null }) => g.statement?.includes('FROM products WHERE sku')).spansPerTrace).toBe(3);
  });

  it('says so, with exit 1, when nothing matches or the trace is unknown', async () => {
    const none = await lab(['--last', '5', '--service', 'no-such-service', '--jaeger', jaegerUrl]);
    expect([none.code, none.stdout]).toEqual([1, '']);
    expect(none.stderr).toMatch(/^lab: no traces to diagnose for no-such-service/);
    const unknown = await lab(['ab'.repeat(16), '--jaeger', jaegerUrl]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(`lab: trace ${'ab'.repeat(16)} is not in Jaeger at ${jaegerUrl}`);
  });

  it('prints one clear line and exits 1 when Jaeger cannot be reached', async () => {
    const server = await listenOnLoopback((_req, res) => res.end());
    await server.close();
    const run = await lab([traceIds[0], '--jaeger', server.url]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`lab: cannot reach Jaeger at ${server.url}: cannot connect (ECONNREFUSED)`]);
  });

  describe('baselines', () => {
    interface Mark {
      durationMs: number;
      percentile: number;
      count: number;
      windowMs: number | null;
    }
    interface MarkedGroup {
      key: string;
      service: string;
      operation: string;
      statement?: string;
      baseline: Mark | null;
    }
    // A Jaeger as far as the CLI can tell: the same /api/v3 answers, and 404 for the lab's own routes.
    let jaegerOnly: RunningServer;

    beforeAll(async () => {
      jaegerOnly = await listenOnLoopback(async (req, res) => {
        if (!req.url?.startsWith('/api/v3/')) {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
          return;
        }
        const upstream = await fetch(`${jaegerUrl}${req.url}`);
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
      });
    });
    afterAll(() => jaegerOnly?.close());

    /** Every duration (ms) of a group's spans over the three checkouts, read from the stored traces. */
    async function storedDurations(group: MarkedGroup): Promise<number[]> {
      return (await Promise.all(traceIds.map((id) => storedDurationsOf(id, group)))).flat();
    }

    async function storedDurationsOf(id: string, group: MarkedGroup): Promise<number[]> {
      const { spans } = buildTraceTree(await createJaegerClient(jaegerUrl).getTrace(id))[0];
      const statementOf = (text: unknown) => (typeof text === 'string' ? normalizeStatement(text) : undefined);
      return spans
        .filter((span) => span.service === group.service && span.name === group.operation && statementOf(span.attributes['db.query.text']) === group.statement)
        .map((span) => (span.endNs - span.startNs) / 1e6);
    }

    it("marks the culprit and each contributor with the trace store's percentile of its own operation", async () => {
      const run = await lab([traceIds[0], '--jaeger', jaegerUrl]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain('\nbaselines: trace store\n');
      const body = JSON.parse((await lab([traceIds[0], '--jaeger', jaegerUrl, '--json'])).stdout);
      expect(body.baselines).toEqual({ kind: 'tracestore', line: 'baselines: trace store' });
      // A small catalog may leave no single culprit; when there is one, its line carries its mark.
      const { culprit } = body.verdict;
      if (culprit) {
        const mark = culprit.baseline as Mark;
        expect(run.stdout).toContain(`\nculprit vs recent: p${mark.percentile} of ${mark.count} · slowest span `);
      } else expect(run.stdout).not.toContain('culprit vs recent');
      expect(body.contributors.length).toBeGreaterThan(0);
      for (const group of body.contributors as MarkedGroup[]) {
        // Every listed group is in the window, so each has a baseline; the trace store answers the same for it.
        expect(group.baseline).not.toBeNull();
        const { durationMs, percentile, count } = group.baseline as Mark;
        const query = new URLSearchParams({ service: group.service, operation: group.operation, durationMs: String(durationMs), ...(group.statement ? { statement: group.statement } : {}) });
        expect((await requestJson(`${jaegerUrl}/api/lab/baselines/percentile?${query}`)).body).toMatchObject({ percentile, count });
        const row = run.stdout.split('\n').find((l) => l.endsWith(`  ${group.statement ?? group.operation}`) && l.includes(` ${group.service} `));
        expect(row).toContain(` p${percentile} of ${count}  ${group.service} `);
        // The window holds the three checkouts' spans; the mark is this trace's slowest of the group.
        const durations = await storedDurations(group);
        expect(count).toBe(durations.length);
        expect(durationMs).toBe(Math.max(...(await storedDurationsOf(traceIds[0], group))));
      }
    });

    it('computes the baselines from /api/v3/traces searches when the server has no lab endpoint', async () => {
      const run = await lab([traceIds[0], '--jaeger', jaegerOnly.url]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain('\nbaselines: computed from 3 traces in the last 1h\n');
      const body = JSON.parse((await lab([traceIds[0], '--jaeger', jaegerOnly.url, '--json', '--lookback', '30m'])).stdout);
      expect(body.baselines).toEqual({ kind: 'computed', traceCount: 3, lookbackMs: 1_800_000, line: 'baselines: computed from 3 traces in the last 30m' });
      expect(body.contributors.length).toBeGreaterThan(0);
      for (const group of body.contributors as MarkedGroup[]) {
        // Exact, unlike the trace store's histogram: the share of the group's stored durations at or below the mark.
        const durations = await storedDurations(group);
        const mark = group.baseline as Mark;
        expect(mark).toMatchObject({ count: durations.length, windowMs: 1_800_000 });
        expect(mark.percentile).toBe(Math.round((1000 * durations.filter((d) => d <= mark.durationMs).length) / durations.length) / 10);
      }
    });
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const run = await lab(['--last', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--last: must be a whole number from 1 to 200, not "many"');
    expect(run.stderr).toContain('usage: lab diagnose');
  });

  describe('baselines of a culprit', () => {
    // A delay on every inventory call makes one group the culprit, with real spans throughout.
    const chaosIds: string[] = [];

    beforeAll(async () => {
      await writeFlag(db.pool, 'chaos.latency', { ms: 150, rate: 1 });
      // The services hear of the switch over LISTEN/NOTIFY; checkouts placed before that carry no delay.
      for (let tries = 0; chaosIds.length < 3; tries++) {
        if (tries > 20) throw new Error('chaos.latency never reached inventory');
        const id = await checkoutWhole();
        const [tree] = buildTraceTree(await createJaegerClient(jaegerUrl).getTrace(id));
        if (tree.spans.some((span) => span.events.some((e) => e.name === LAB_EVENTS.chaosLatency))) chaosIds.push(id);
      }
    }, 60_000);

    it('marks the culprit of one trace with its percentile and says so in --json', async () => {
      const body = JSON.parse((await lab([chaosIds[2], '--jaeger', jaegerUrl, '--json'])).stdout);
      const { culprit } = body.verdict;
      expect(culprit).toBeDefined();
      const mark = culprit.baseline;
      expect(mark).toMatchObject({ percentile: expect.any(Number), count: expect.any(Number), durationMs: expect.any(Number) });
      const query = new URLSearchParams({ service: culprit.service, operation: culprit.operation, durationMs: String(mark.durationMs), ...(culprit.statement ? { statement: culprit.statement } : {}) });
      expect((await requestJson(`${jaegerUrl}/api/lab/baselines/percentile?${query}`)).body).toMatchObject({ percentile: mark.percentile, count: mark.count });
      const text = await lab([chaosIds[2], '--jaeger', jaegerUrl]);
      expect(text.stdout).toContain(`\nculprit vs recent: p${mark.percentile} of ${mark.count} · slowest span `);
    });

    it('marks the common culprit of --last with its median percentile', async () => {
      const body = JSON.parse((await lab(['--last', '3', '--jaeger', jaegerUrl, '--json'])).stdout);
      expect(body.baselines).toMatchObject({ kind: 'tracestore', line: 'baselines: trace store', commonCulprit: { traces: 3, marked: 3, medianPercentile: expect.any(Number) } });
      const text = await lab(['--last', '3', '--jaeger', jaegerUrl]);
      const percentile = body.baselines.commonCulprit.medianPercentile;
      expect(text.stdout).toContain(`\ncommon culprit vs recent: median p${Number(percentile.toFixed(1))} over 3 traces · ${body.baselines.commonCulprit.culprit.service} `);
      expect(text.stdout).toContain('\nbaselines: trace store\n');
    });
  });
});
