import { buildTraceTree, detectNPlusOne, type NPlusOneOptions } from '../src';
import { idOf, toTracesData, type SpanSpec } from '@tracecart/testkit';

const LOOKUP = 'SELECT sku, name, price_cents, on_hand FROM products WHERE sku = $1';

function queries(windows: Array<[number, number]>, sql = LOOKUP): SpanSpec[] {
  return windows.map(([start, end], i) => ({ id: `q${i}`, parent: 'h', service: 'inventory', name: 'pg.query:SELECT', kind: 3, start, end, attributes: { 'db.query.text': sql } }));
}

function detect(children: SpanSpec[], options?: NPlusOneOptions) {
  const [tree] = buildTraceTree(toTracesData([{ id: 'h', service: 'inventory', name: 'handler', start: 0, end: 100 }, ...children]));
  return detectNPlusOne(tree, options);
}

describe('detectNPlusOne', () => {
  it('reports sequential sibling queries with the same statement, with count, time and parent', () => {
    const [finding, ...rest] = detect(queries([[5, 25], [25, 45], [46, 66], [70, 90]]));
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      kind: 'statement',
      pattern: '4 sequential × SELECT … FROM products WHERE sku = $1',
      service: 'inventory',
      operation: 'pg.query:SELECT',
      statement: LOOKUP,
      target: undefined,
      count: 4,
      totalMs: 80,
      criticalMs: 80,
      share: 0.8,
      parentSpanId: idOf('h'),
      parentService: 'inventory',
      parentName: 'handler',
      spanIds: ['q0', 'q1', 'q2', 'q3'].map(idOf),
    });
  });

  it('does not report a parallel fan-out', () => {
    expect(detect(queries([[5, 50], [5, 50], [6, 52], [7, 49]]))).toEqual([]);
  });

  it('needs three calls unless told otherwise', () => {
    expect(detect(queries([[5, 25], [30, 50]]))).toEqual([]);
    expect(detect(queries([[5, 25], [30, 50]]), { minCount: 2 })).toHaveLength(1);
  });

  it('tolerates a little overlap but not much', () => {
    expect(detect(queries([[0, 20], [19, 40], [39, 60]]))[0]?.count).toBe(3);
    expect(detect(queries([[0, 20], [15, 40], [35, 60]]))).toEqual([]);
    expect(detect(queries([[0, 20], [15, 40], [35, 60]]), { overlapTolerance: 0.3 })[0]?.count).toBe(3);
  });

  // OpenTelemetry JS starts spans on whole milliseconds (Date.now()) and ends them at start plus a
  // precise duration: sub-millisecond calls in a row then seem to overlap. Seen in a real trace.
  it('reads up to 1 ms of overlap between whole-millisecond starts as clock resolution', () => {
    expect(detect(queries([[17, 17.654], [17, 17.75], [18, 18.766]]))[0]?.count).toBe(3);
  });

  it('still tells a sub-millisecond fan-out from a run when the starts are precise', () => {
    expect(detect(queries([[17.1, 17.754], [17.15, 17.9], [17.2, 18.0]]))).toEqual([]);
  });

  it('reports only the sequential run when a fan-out follows', () => {
    const [finding] = detect(queries([[0, 10], [10, 20], [20, 30], [30, 60], [31, 60], [32, 60]]));
    expect(finding.spanIds).toEqual(['q0', 'q1', 'q2', 'q3'].map(idOf));
  });

  it('groups statements that differ only in literals, and ignores plain internal spans', () => {
    const literal = [0, 1, 2].map((i): SpanSpec => ({ id: `l${i}`, parent: 'h', service: 'inventory', name: 'pg', kind: 3, start: i * 10, end: i * 10 + 9, attributes: { 'db.statement': `SELECT * FROM p WHERE sku = 'SKU-${i}'` } }));
    const internal = [0, 1, 2].map((i): SpanSpec => ({ id: `i${i}`, parent: 'h', service: 'inventory', name: 'step', start: 40 + i * 10, end: 49 + i * 10 }));
    const findings = detect([...literal, ...internal]);
    expect(findings.map((f) => [f.statement, f.count])).toEqual([['SELECT * FROM p WHERE sku = ?', 3]]);
  });

  it('keys HTTP client calls by the route of the server span they reached, else by the URL path', () => {
    const call = (k: number, withServer: boolean): SpanSpec[] => {
      const url = `http://127.0.0.1:8082/products/SKU-000004${k}`;
      const client: SpanSpec = { id: `c${k}`, parent: 'h', service: 'order', name: 'GET', kind: 3, start: k * 20, end: k * 20 + 15, attributes: { 'http.request.method': 'GET', 'url.full': url, 'server.address': '127.0.0.1', 'server.port': 8082 } };
      const server: SpanSpec = { id: `s${k}`, parent: `c${k}`, service: 'inventory', name: 'GET /products/:sku', kind: 2, start: k * 20 + 1, end: k * 20 + 14, attributes: { 'http.request.method': 'GET', 'http.route': '/products/:sku' } };
      return withServer ? [client, server] : [client];
    };
    const [withServers] = detect([0, 1, 2].flatMap((k) => call(k, true)));
    expect(withServers).toMatchObject({ kind: 'http', target: 'inventory GET /products/:sku', count: 3, pattern: '3 sequential × calls inventory GET /products/:sku', service: 'order' });
    const [clientsOnly] = detect([0, 1, 2].flatMap((k) => call(k, false)));
    expect(clientsOnly).toMatchObject({ kind: 'http', target: '127.0.0.1:8082 GET /products/:id', count: 3 });
  });
});
