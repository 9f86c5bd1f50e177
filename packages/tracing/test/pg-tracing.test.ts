import pg from 'pg';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { patchPg, unpatchPg, type PgModuleLike } from '../src/pg-tracing';
import { installTracingHarness, type TracingHarness } from './fixtures/tracing-harness';

const host = process.env.PGHOST ?? '127.0.0.1';
const port = Number(process.env.PGPORT ?? '5432');
const user = process.env.PGUSER ?? 'postgres';
const pgModule = pg as unknown as PgModuleLike;

let harness: TracingHarness;
let pool: pg.Pool;
const tracer = () => trace.getTracer('pg-tracing-test');

beforeAll(() => {
  harness = installTracingHarness();
  patchPg(pgModule, tracer);
  pool = new pg.Pool({ host, port, user, database: 'postgres', max: 1 });
});

afterAll(async () => {
  await pool.end();
  unpatchPg(pgModule);
  harness.close();
});

beforeEach(() => harness.reset());

/** Runs `work` inside a fresh root span and ends the root once it settles. */
async function inRootSpan<T>(name: string, work: (root: Span) => Promise<T>): Promise<{ root: Span; result: T }> {
  const root = tracer().startSpan(name);
  try {
    const result = await context.with(trace.setSpan(context.active(), root), () => work(root));
    return { root, result };
  } finally {
    root.end();
  }
}

const querySpans = (spans: ReadableSpan[]) => spans.filter((s) => s.attributes['db.system.name'] === 'postgresql');

describe('pg query spans', () => {
  it('makes one CLIENT span per query inside a trace, child of the active span', async () => {
    const { root, result } = await inRootSpan('root', () => pool.query<{ x: number }>('SELECT $1::int AS x', [7]));
    expect(result.rows).toEqual([{ x: 7 }]);
    const [span] = querySpans(await harness.spans(2));
    expect(span.name).toBe('SELECT postgres');
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    expect(span.attributes).toEqual({
      'db.system.name': 'postgresql',
      'db.namespace': 'postgres',
      'db.query.text': 'SELECT $1::int AS x',
      'db.operation.name': 'SELECT',
      'server.address': host,
      'server.port': port,
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('leaves queries outside any trace untraced and unchanged', async () => {
    const { rows } = await pool.query<{ x: number }>('SELECT 5 AS x');
    expect(rows).toEqual([{ x: 5 }]);
    await inRootSpan('marker', async () => undefined);
    expect(querySpans(await harness.spans(1))).toHaveLength(0);
  });

  it('marks a failed query with its SQLSTATE and still rejects the caller', async () => {
    await expect(inRootSpan('root', () => pool.query('SELECT * FROM no_such_table'))).rejects.toMatchObject({ code: '42P01' });
    const [span] = querySpans(await harness.spans(2));
    expect(span.status).toMatchObject({ code: SpanStatusCode.ERROR, message: expect.stringContaining('no_such_table') });
    expect(span.attributes['error.type']).toBe('42P01');
    expect(span.attributes['db.response.status_code']).toBe('42P01');
  });

  it('traces callback-style client queries and calls back in the caller context', async () => {
    const client = await pool.connect();
    try {
      const { root, result } = await inRootSpan('root', () =>
        new Promise<string | undefined>((resolve, reject) => {
          client.query('SELECT 1', (error) => (error ? reject(error) : resolve(trace.getActiveSpan()?.spanContext().spanId)));
        }),
      );
      expect(result).toBe(root.spanContext().spanId);
      const [span] = querySpans(await harness.spans(2));
      expect(span.name).toBe('SELECT postgres');
      expect(span.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    } finally {
      client.release();
    }
  });

  it('traces a query whose callback comes inside its config', async () => {
    const client = await pool.connect();
    try {
      const { root, result } = await inRootSpan('root', () =>
        new Promise<number>((resolve, reject) => {
          const config = {
            text: 'SELECT 2 AS x',
            callback: (error: Error | null, res?: pg.QueryResult) => (error ? reject(error) : resolve(res?.rows[0].x as number)),
          };
          (client.query as unknown as (config: object) => void)(config);
        }),
      );
      expect(result).toBe(2);
      const [span] = querySpans(await harness.spans(2));
      expect(span.attributes['db.query.text']).toBe('SELECT 2 AS x');
      expect(span.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    } finally {
      client.release();
    }
  });

  // With max: 1 the second trace waits for the first one's client; pg-pool hands it over from
  // inside the first trace's release, which must not pull the second query into that trace.
  it('keeps each query in its own trace when queries wait for a pooled client', async () => {
    const roots = await Promise.all(
      ['a', 'b', 'c'].map((name) => inRootSpan(name, () => pool.query('SELECT pg_sleep(0.02)')).then(({ root }) => root)),
    );
    const spans = querySpans(await harness.spans(6));
    expect(spans).toHaveLength(3);
    for (const root of roots) {
      const children = spans.filter((s) => s.parentSpanContext?.spanId === root.spanContext().spanId);
      expect(children).toHaveLength(1);
      expect(children[0].spanContext().traceId).toBe(root.spanContext().traceId);
    }
  });

  it('makes no span when the active span is not recording (sampled out)', async () => {
    const unsampled = trace.wrapSpanContext({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 0 });
    await context.with(trace.setSpan(context.active(), unsampled), () => pool.query('SELECT 1'));
    await inRootSpan('marker', async () => undefined);
    expect(querySpans(await harness.spans(1))).toHaveLength(0);
  });

  it('is undone by unpatchPg and applied only once by repeated patchPg', async () => {
    const patched = pg.Client.prototype.query;
    patchPg(pgModule, tracer);
    expect(pg.Client.prototype.query).toBe(patched);
    unpatchPg(pgModule);
    try {
      await inRootSpan('root', () => pool.query('SELECT 1'));
      expect(querySpans(await harness.spans(1))).toHaveLength(0);
    } finally {
      patchPg(pgModule, tracer);
    }
  });
});
