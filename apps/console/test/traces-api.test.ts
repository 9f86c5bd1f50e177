import { FLAG_NAMES } from '@tracecart/flags';
import { requestJson } from '@tracecart/testkit';
import { diagnose } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES } from '@tracecart/lab-rules';
import type { CompareResult, SwitchCompareResult, TraceAnalysis, TraceList } from '../src/api-types';
import { SpanKind } from '@tracecart/otlp';
import { startBaselineStub } from './support/baseline-stub';
import { startConsoleLab, type ConsoleLab } from './support/console-lab';
import { checkoutThroughConsole, setSwitch, waitForCompleteTrace } from './support/lab-traffic';

// Every fix switch, as the flags middleware stamps them on server spans ('false' as read back).
const FIX_SWITCHES = FLAG_NAMES.filter((name) => name.startsWith('fix.'));
function fixesOff(...except: string[]): Record<string, string> {
  return Object.fromEntries(FIX_SWITCHES.filter((name) => !except.includes(name)).map((name) => [`lab.${name}`, 'false']));
}

const SKUS = ['SKU-0004001', 'SKU-0004002', 'SKU-0004003'];

describe('console trace routes against the tracestore, with traces from the real services', () => {
  let lab: ConsoleLab;
  let url: string;
  const before: string[] = [];
  const after: string[] = [];
  const get = <T = any>(path: string) => requestJson<T>(`${url}${path}`);

  beforeAll(async () => {
    lab = await startConsoleLab({ catalogSize: 5000 });
    url = lab.console.url;
    for (let i = 0; i < 3; i++) before.push(await checkoutThroughConsole(url, SKUS));
    await setSwitch(url, 'fix.index', true);
    for (let i = 0; i < 3; i++) after.push(await checkoutThroughConsole(url, SKUS));
    for (const id of [...before, ...after]) await waitForCompleteTrace(url, id);
  }, 60_000);
  afterAll(() => lab?.stop());

  it('lists the services that sent spans', async () => {
    const res = await get('/api/services');
    expect(res.body.services).toEqual(expect.arrayContaining(['gateway', 'order', 'inventory']));
  });

  it('lists recent checkouts newest first, with their root and the fixes they ran under', async () => {
    const res = await get<TraceList>('/api/traces?service=gateway&lookback=15m&limit=50');
    expect(res.status).toBe(200);
    const ours = res.body.traces.filter((t) => [...before, ...after].includes(t.traceId));
    expect(ours.map((t) => t.traceId)).toEqual([...after].reverse().concat([...before].reverse()));
    for (const row of ours) {
      expect(row).toMatchObject({ rootService: 'gateway', rootName: 'POST /api/checkout', error: false, httpStatus: 201 });
      expect(row.spanCount).toBeGreaterThan(10);
      expect(row.services).toEqual(['gateway', 'inventory', 'order']);
      expect(row.fixes['lab.fix.index']).toBe(after.includes(row.traceId));
    }
  });

  it('filters by span attribute', async () => {
    const res = await get<TraceList>('/api/traces?attr.lab.fix.index=true&limit=50');
    expect(res.body.traces.map((t) => t.traceId).sort()).toEqual([...after].sort());
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['lookback=forever', 'lookback'],
    ['lookback=30d', 'lookback'],
    ['color=blue', 'query: Unrecognized key: "color"'],
  ])('refuses %s naming the field', async (query, field) => {
    const res = await get(`/api/traces?${query}`);
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_request']);
    expect(res.body.error.message.startsWith(field)).toBe(true);
  });

  it('returns one trace as Jaeger does; unknown ids are 404, malformed ones 400', async () => {
    const res = await get(`/api/traces/${before[0]}`);
    expect(res.status).toBe(200);
    const ids = res.body.result.resourceSpans.flatMap((r: any) => r.scopeSpans.flatMap((s: any) => s.spans.map((span: any) => span.traceId)));
    expect(new Set(ids)).toEqual(new Set([before[0]]));
    const missing = await get(`/api/traces/${'ab'.repeat(16)}`);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
    const bad = await get('/api/traces/not-a-trace-id');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_request']);
  });

  it('diagnoses a trace exactly as trace-analysis does, with the rows the waterfall draws', async () => {
    const { body } = await get<TraceAnalysis>(`/api/diagnose/${before[0]}`);
    const raw = (await requestJson(`${lab.queryUrl}/api/v3/traces/${before[0]}`)).body;
    const direct = diagnose(raw, { rules: LAB_SWITCH_RULES });
    expect(body.diagnosis.verdict.line).toBe(direct.verdict.line);
    expect(body.diagnosis.criticalPath.totalMs).toBe(direct.criticalPath.totalMs);
    expect(body).toMatchObject({ traceId: before[0], complete: true, jaegerUrl: `http://jaeger.example:16686/trace/${before[0]}` });
    expect(body.rows).toHaveLength(direct.summary.spanCount);
    expect(body.rows[0]).toMatchObject({ parentSpanId: null, depth: 0, service: 'gateway', name: 'POST /api/checkout', startMs: 0 });
    const lookups = body.rows.filter((r) => String(r.attributes['db.query.text'] ?? '').includes('FROM products WHERE sku'));
    expect(lookups).toHaveLength(SKUS.length);
    // Three items, one call each: the N+1 the waterfall marks.
    expect(body.rows.filter((r) => r.nPlusOne !== null).length).toBeGreaterThanOrEqual(SKUS.length);
    const criticalSum = body.rows.flatMap((r) => r.critical).reduce((sum, [s, e]) => sum + (e - s), 0);
    expect(criticalSum).toBeCloseTo(direct.criticalPath.totalMs, 0);
    for (const row of body.rows) expect(row.selfMs).toBeLessThanOrEqual(row.durationMs + 0.001);
  });

  it('marks each DB and server span with its percentile against its own operation, as the trace store answers it', async () => {
    const { body } = await get<TraceAnalysis>(`/api/diagnose/${before[0]}`);
    const marked = body.rows.filter((r) => r.attributes['db.query.text'] !== undefined || r.kind === SpanKind.SERVER);
    expect(marked.length).toBeGreaterThan(SKUS.length);
    for (const row of marked) expect(row.baseline).toMatchObject({ count: expect.any(Number), window: 'the last 10 minutes', windowMs: 600_000 });
    for (const row of body.rows.filter((r) => !marked.includes(r))) expect(row.baseline).toBeNull();
    const lookups = marked.filter((r) => String(r.attributes['db.query.text']).includes('FROM products WHERE sku'));
    // Every lookup of every checkout so far is in the same statement's baseline.
    for (const row of lookups) expect(row.baseline?.count).toBeGreaterThanOrEqual(6 * SKUS.length);
    const [slow, ...rest] = [...lookups].sort((a, b) => b.durationMs - a.durationMs);
    for (const row of rest) expect(slow.baseline!.percentile).toBeGreaterThanOrEqual(row.baseline!.percentile);
    const query = new URLSearchParams({ service: slow.service, operation: slow.name, statement: String(slow.attributes['db.query.text']), durationMs: String(slow.durationMs) });
    const direct = await requestJson(`${lab.queryUrl}/api/lab/baselines/percentile?${query}`);
    expect(slow.baseline).toMatchObject(direct.body);
  });

  it.each([404, 500])('still diagnoses a trace, unmarked, when the trace store answers %i for baselines', async (status) => {
    const stub = await startBaselineStub(lab.queryUrl, status);
    try {
      const { body } = await requestJson<TraceAnalysis>(`${stub.console.url}/api/diagnose/${before[0]}`);
      const real = (await get<TraceAnalysis>(`/api/diagnose/${before[0]}`)).body;
      expect(body.rows.map((r) => r.baseline)).toEqual(real.rows.map(() => null));
      expect(body.diagnosis.verdict.line).toBe(real.diagnosis.verdict.line);
      expect(stub.labRequests()).toBeGreaterThan(0);
      // A 404 means no baselines at all: the console stops asking after the lookups already in flight.
      if (status === 404) expect(stub.labRequests()).toBeLessThanOrEqual(4);
      else expect(stub.labRequests()).toBeGreaterThan(4);
    } finally {
      await stub.stop();
    }
  });

  it('answers 404 for a trace the backend does not have, 400 for a malformed id', async () => {
    expect((await get(`/api/diagnose/${'cd'.repeat(16)}`)).status).toBe(404);
    expect((await get('/api/diagnose/12345678901234567890123456789012345')).status).toBe(400);
  });

  it('compares two groups chosen by a fix attribute', async () => {
    const group = (value: string) => ({ service: 'gateway', operation: 'POST /api/checkout', lookback: '15m', attributes: { 'lab.fix.index': value } });
    const res = await requestJson<CompareResult>(`${url}/api/compare`, { body: { before: group('false'), after: group('true') } });
    expect(res.status).toBe(200);
    expect(res.body.before.traceIds.sort()).toEqual([...before].sort());
    expect(res.body.after.traceIds.sort()).toEqual([...after].sort());
    expect(res.body.before.label).toContain('lab.fix.index=false');
    const { comparison } = res.body;
    expect([comparison.before.traceCount, comparison.after.traceCount]).toEqual([3, 3]);
    expect(comparison.p50Ratio).toBeCloseTo((comparison.after.p50Ms ?? 0) / (comparison.before.p50Ms ?? 1), 2);
    const lookup = comparison.groups.find((g) => g.statement?.includes('FROM products WHERE sku'));
    expect(lookup?.before.spansPerTrace).toBe(SKUS.length);
  });

  it('compares two groups of trace ids, and names ids the backend lacks', async () => {
    const res = await requestJson<CompareResult>(`${url}/api/compare`, { body: { before: before.slice(0, 2), after: after.slice(0, 2) } });
    expect(res.body.comparison.before.traceCount).toBe(2);
    expect(res.body.after.label).toBe('2 chosen traces');
    const missing = 'ef'.repeat(16);
    const bad = await requestJson(`${url}/api/compare`, { body: { before: [before[0], missing], after } });
    expect([bad.status, bad.body.error.code]).toEqual([404, 'not_found']);
    expect(bad.body.error.message).toContain(missing);
  });

  it.each([
    [{ before: [], after: ['ab'] }, 'before'],
    [{ before: ['ab'] }, 'after'],
    [{ before: { limit: 1000 }, after: ['ab'] }, 'before.limit'],
    [{ before: ['ab'], after: ['ab', 'zz'] }, 'after.1'],
  ])('refuses a malformed comparison (%j), naming %s', async (body, field) => {
    const res = await requestJson(`${url}/api/compare`, { body });
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_request']);
    expect(res.body.error.message.startsWith(field)).toBe(true);
  });

  it('compares by one switch only traces whose other switches match, and says when none do', async () => {
    const bySwitch = (name: string) => requestJson<SwitchCompareResult>(`${url}/api/compare/switch`, { body: { switch: name, lookback: '15m', operation: 'POST /api/checkout', limit: 200 } });
    // No trace ran with fix.cache on: no pair, said in words, with the states found.
    const none = await bySwitch('lab.fix.cache');
    expect([none.status, none.body.pair]).toEqual([200, null]);
    expect(none.body.empty?.sides).toEqual(['on']);
    expect(none.body.message).toBe('No checkouts with fix.cache on in the last 15 minutes: turn it on and place a few.');
    // Both groups the search found are still reported (equal sizes, so in either order).
    expect(none.body.states).toHaveLength(2);
    expect(none.body.states).toEqual(expect.arrayContaining([
      { state: fixesOff(), traceCount: 3 },
      { state: { ...fixesOff(), 'lab.fix.index': 'true' }, traceCount: 3 },
    ]));

    // One checkout with batch on as well as the index: it differs from "index off" in two switches.
    await setSwitch(url, 'fix.batch', true);
    const batched = await checkoutThroughConsole(url, SKUS);
    await setSwitch(url, 'fix.batch', false);
    await waitForCompleteTrace(url, batched);

    const byIndex = await bySwitch('lab.fix.index');
    expect(byIndex.status).toBe(200);
    const pair = byIndex.body.pair;
    expect(pair?.before.traceIds.sort()).toEqual([...before].sort());
    expect(pair?.after.traceIds.sort()).toEqual([...after].sort());
    expect(pair?.held).toEqual(fixesOff('fix.index'));
    expect(byIndex.body.states.map((s) => s.traceCount)).toEqual([3, 3, 1]);
    const message = /^3 traces with fix\.index off against 3 with it on, all with (.*) \(the largest such pair; 1 other switch state left out\)\.$/.exec(byIndex.body.message);
    const heldOff = FIX_SWITCHES.filter((name) => name !== 'fix.index').map((name) => `${name} off`);
    expect(message?.[1].split(', ').sort()).toEqual(heldOff.sort());
    expect(pair?.comparison.groups.some((g) => g.statement?.includes('= ANY('))).toBe(false);

    // By batch, the batched trace pairs with the indexed ones, never with the unindexed ones.
    const byBatch = (await bySwitch('lab.fix.batch')).body.pair;
    expect(byBatch?.before.traceIds.sort()).toEqual([...after].sort());
    expect(byBatch?.after.traceIds).toEqual([batched]);
    expect(byBatch?.held).toEqual({ ...fixesOff('fix.batch'), 'lab.fix.index': 'true' });
    const lookups = byBatch?.comparison.groups.filter((g) => g.statement?.includes('FROM products WHERE sku')) ?? [];
    // Both lookups come back whole, one per trace set: "= $1" before, "= ANY($1)" after.
    expect(lookups.some((g) => /WHERE sku = \$1$/.test(g.statement ?? ''))).toBe(true);
    expect(lookups.some((g) => /WHERE sku = ANY\(/.test(g.statement ?? ''))).toBe(true);
  }, 30_000);

  it('says when neither side of a switch comparison has a trace, in the lookback asked for', async () => {
    const body = { switch: 'lab.fix.index', lookback: '2h', attributes: { 'lab.fix.index': 'maybe' } };
    const res = await requestJson<SwitchCompareResult>(`${url}/api/compare/switch`, { body });
    expect([res.status, res.body.pair, res.body.states]).toEqual([200, null, []]);
    expect(res.body.empty).toEqual({
      sides: ['off', 'on'],
      message: 'No checkouts with fix.index off or on in the last 2 hours: place a few with fix.index off, then turn it on and place a few more.',
    });
    expect(res.body.message).toBe(res.body.empty?.message);
  });

  it.each([
    [{ switch: 'fix.index' }, 'switch'],
    [{ switch: 'lab.fix.index', limit: 0 }, 'limit'],
  ])('refuses a malformed switch comparison (%j), naming %s', async (body, field) => {
    const res = await requestJson(`${url}/api/compare/switch`, { body });
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_request']);
    expect(res.body.error.message.startsWith(field)).toBe(true);
  });

  it('passes a checkout through: status, body and traceresponse, plus the latency it measured', async () => {
    const res = await requestJson(`${url}/api/checkout`, { body: { customerId: 'c-8', items: [{ sku: 'SKU-0000001', quantity: 1 }] } });
    expect(res.status).toBe(201);
    expect(res.headers.get('traceresponse')).toBe(`00-${res.body.traceId}-${res.headers.get('traceresponse')?.slice(36, 52)}-01`);
    expect(res.headers.get('server-timing')).toMatch(/^gateway;dur=\d+(\.\d)?$/);
    const unknown = await requestJson(`${url}/api/checkout`, { body: { customerId: 'c-8', items: [{ sku: 'SKU-9999999', quantity: 1 }] } });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_sku']);
    expect(unknown.headers.get('traceresponse')).toContain(unknown.body.error.traceId);
  });
});
