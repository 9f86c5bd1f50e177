import { decodeTracesJson } from '@tracecart/otlp';
import { BaselineStore } from '../src/baselines/baseline-store';

// The store on its own, with an injected clock: eviction, the sliding window, precision.
const MINUTE = 60_000;
let clock = 0;
let nextSpan = 1;

/** One export of spans of one service, each [name, duration in ms, statement?]. */
function exportOf(service: string, spans: Array<[string, number, string?]>) {
  return decodeTracesJson({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: spans.map(([name, ms, statement]) => ({
              traceId: '0af7651916cd43dd8448eb211c80319c',
              spanId: (nextSpan++).toString(16).padStart(16, '0'),
              name,
              kind: 3,
              startTimeUnixNano: '1000000000',
              endTimeUnixNano: String(1_000_000_000 + Math.round(ms * 1_000_000)),
              attributes: statement ? [{ key: 'db.query.text', value: { stringValue: statement } }] : [],
            })),
          },
        ],
      },
    ],
  });
}

const operations = (store: BaselineStore, service: string) => store.list(service).map((b) => b.operation);

beforeEach(() => {
  clock = 0;
});

describe('BaselineStore', () => {
  it('evicts the least recently updated key past maxKeys', () => {
    const store = new BaselineStore({ maxKeys: 3, now: () => clock });
    store.observe(exportOf('svc', [['a', 1], ['b', 1], ['c', 1]]));
    store.observe(exportOf('svc', [['a', 2]]));
    store.observe(exportOf('svc', [['d', 1]]));
    expect(store.size).toBe(3);
    expect(operations(store, 'svc')).toEqual(['a', 'c', 'd']);
    expect(store.list('svc', 'a')[0].count).toBe(2);
  });

  it('slides: a sub-window is forgotten once it is ten minutes old', () => {
    const store = new BaselineStore({ now: () => clock });
    store.observe(exportOf('svc', [['op', 100]]));
    clock = 5 * MINUTE;
    store.observe(exportOf('svc', [['op', 1]]));
    expect(store.list('svc', 'op')[0]).toMatchObject({ count: 2, maxMs: 100 });
    clock = 10 * MINUTE;
    expect(store.list('svc', 'op')[0]).toMatchObject({ count: 1, maxMs: 1 });
    expect(store.percentileOf({ service: 'svc', operation: 'op' }, 50)).toEqual({ percentile: 100, count: 1 });
    clock = 16 * MINUTE;
    expect(store.list('svc')).toEqual([]);
    expect(store.percentileOf({ service: 'svc', operation: 'op' }, 50)).toEqual({ percentile: null, count: 0 });
  });

  it('groups DB spans by normalized statement and answers within 1%', () => {
    const store = new BaselineStore({ now: () => clock });
    const spans = Array.from({ length: 1000 }, (_, i): [string, number, string] => ['query', i + 1, `SELECT * FROM t WHERE id = ${i}`]);
    store.observe(exportOf('db', spans));
    const [row] = store.list('db');
    expect(row).toMatchObject({ operation: 'query', statement: 'SELECT * FROM t WHERE id = ?', count: 1000 });
    for (const [actual, expected] of [[row.p50Ms, 500], [row.p90Ms, 900], [row.p99Ms, 990], [row.maxMs, 1000]]) {
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected / 100);
    }
    const at250 = store.percentileOf({ service: 'db', operation: 'query', statement: 'SELECT * FROM t WHERE id = ?' }, 250);
    expect(at250.count).toBe(1000);
    expect(Math.abs((at250.percentile ?? 0) - 25)).toBeLessThanOrEqual(0.25);
  });

  it('refuses bounds it cannot keep', () => {
    expect(() => new BaselineStore({ maxKeys: 0 })).toThrow(RangeError);
  });
});
