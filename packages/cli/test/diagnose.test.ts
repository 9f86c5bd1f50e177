// `lab diagnose` as a person runs it (node dist/main.js), against the tracestore holding traces
// the real services produced.
import { execFile } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { createJaegerClient } from '@tracecart/jaeger-client';
import { buildTraceTree, diagnose, type TraceTree } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES } from '@tracecart/lab-rules';
import { startTracestore, type TracestoreHandle } from '@tracecart/tracestore';
import { createTestDatabase, listenOnLoopback, requestJson, startStack, type Stack, type TestDatabase } from '@tracecart/testkit';

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

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 5000 });
    tracestore = await startTracestore({ otlpPort: 0, queryPort: 0, logger: pino({ level: 'silent' }) });
    jaegerUrl = `http://127.0.0.1:${tracestore.queryPort}`;
    stack = await startStack({ databaseUrl: db.url, otlpEndpoint: `http://127.0.0.1:${tracestore.otlpPort}` });
    for (let i = 0; i < 3; i++) {
      const res = await requestJson(`${stack.gateway.url}/api/checkout`, { body: { customerId: 'c-3', items: SKUS.map((sku) => ({ sku, quantity: 1 })) } });
      if (res.status !== 201) throw new Error(`checkout ${i} answered ${res.status}: ${JSON.stringify(res.body)}`);
      traceIds.push(res.body.traceId);
    }
    const jaeger = createJaegerClient(jaegerUrl);
    for (const id of traceIds) {
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
    }
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
    expect(run.stdout).toMatch(/Critical path contributors[^\n]*\n\s+share\s+critical\s+spans\s+service\s+operation \/ statement\n/);
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

  it('exits 2 with the usage on bad arguments', async () => {
    const run = await lab(['--last', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--last: must be a whole number from 1 to 200, not "many"');
    expect(run.stderr).toContain('usage: lab diagnose');
  });
});
