import { changesPlans, isPlannable } from '../src/query-plan/statement-kind';

describe('statement kinds', () => {
  it('plans one SELECT, INSERT, UPDATE, DELETE or WITH statement', () => {
    for (const text of ['SELECT 1', ' select * from t where a = $1', 'INSERT INTO t VALUES ($1)', 'UPDATE t SET a = 1', 'DELETE FROM t', 'WITH x AS (SELECT 1) SELECT * FROM x', 'SELECT 1;']) {
      expect(isPlannable(text)).toBe(true);
    }
  });

  it('never plans transaction control, DDL, EXPLAIN itself or several statements', () => {
    for (const text of ['BEGIN', 'COMMIT', 'SET statement_timeout = 1', 'CREATE INDEX i ON t (a)', 'EXPLAIN SELECT 1', 'SELECT 1; SELECT 2', '']) {
      expect(isPlannable(text)).toBe(false);
    }
  });

  it('sees DDL and statistics changes as plan-changing, queries as not', () => {
    expect(['CREATE INDEX i ON t (a)', 'drop index i', 'ALTER TABLE t ADD b int', 'ANALYZE t', 'REINDEX TABLE t'].every(changesPlans)).toBe(true);
    expect(['SELECT 1', 'UPDATE t SET a = 1', 'BEGIN'].some(changesPlans)).toBe(false);
  });
});
