import { buildTraceTree, findTopContributors } from '../src';
import { toTracesData, type SpanSpec } from '@tracecart/testkit';

const pg = (id: string, start: number, end: number, sql: string): SpanSpec => ({
  id, parent: 'api', service: 'inventory', name: 'pg.query:SELECT', kind: 3, start, end, attributes: { 'db.query.text': sql },
});

const SPECS: SpanSpec[] = [
  { id: 'api', service: 'gateway', name: 'GET /x', kind: 2, start: 0, end: 100 },
  pg('q1', 10, 30, 'SELECT * FROM t WHERE id = 1'),
  pg('q2', 30, 50, 'SELECT * FROM t  WHERE id = 2'),
  pg('q3', 60, 70, "SELECT * FROM u WHERE a = 'x'"),
  { id: 'render', parent: 'api', service: 'gateway', name: 'render', start: 75, end: 95 },
  { id: 'bg', parent: 'api', service: 'gateway', name: 'background', start: 72, end: 90 },
];

describe('findTopContributors', () => {
  it('groups critical time by service, operation and normalized statement', () => {
    const [tree] = buildTraceTree(toTracesData(SPECS));
    // api holds [0,10] [50,60] [70,75] [95,100]; bg overlaps render and is off the path.
    expect(findTopContributors(tree).map((c) => [c.key, c.criticalMs, c.share, c.spanCount])).toEqual([
      ['inventory · pg.query:SELECT · SELECT * FROM t WHERE id = ?', 40, 0.4, 2],
      ['gateway · GET /x', 30, 0.3, 1],
      ['gateway · render', 20, 0.2, 1],
      ['inventory · pg.query:SELECT · SELECT * FROM u WHERE a = ?', 10, 0.1, 1],
    ]);
  });

  it('keeps the statement apart from the operation and honours the limit', () => {
    const [tree] = buildTraceTree(toTracesData(SPECS));
    const [top] = findTopContributors(tree, { limit: 1 });
    expect(findTopContributors(tree, { limit: 1 })).toHaveLength(1);
    expect(top).toMatchObject({ service: 'inventory', operation: 'pg.query:SELECT', statement: 'SELECT * FROM t WHERE id = ?' });
  });

  it('reads the legacy db.statement attribute too', () => {
    const legacy = SPECS.map((s) => (s.attributes ? { ...s, attributes: { 'db.statement': s.attributes['db.query.text'] } } : s));
    const [tree] = buildTraceTree(toTracesData(legacy));
    expect(findTopContributors(tree)[0].statement).toBe('SELECT * FROM t WHERE id = ?');
  });
});
