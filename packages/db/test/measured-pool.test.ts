// The pool's checkout timings, on real connections: every checkout is counted once whichever way
// it is released, and callers beyond the pool's size wait for a connection a holder gives back.
import type { PoolClient } from 'pg';
import { createPool, type MeasuredPool } from '../src';

const url = `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/postgres`;
const POOL_MAX = 2;
const SLOW_QUERY = 'SELECT pg_sleep(0.05)';

interface Timings {
  waits: number[];
  uses: number[];
}

function recordTimings(pool: MeasuredPool): Timings {
  const timings: Timings = { waits: [], uses: [] };
  pool.onCheckout({ waited: (s) => timings.waits.push(s), used: (s) => timings.uses.push(s) });
  return timings;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('a measured pool (max 2)', () => {
  let pool: MeasuredPool;
  let timings: Timings;

  beforeEach(async () => {
    pool = createPool(url, { applicationName: 'measured-pool-test', max: POOL_MAX });
    // Both connections open first, so no caller's wait includes opening one.
    const warm = await Promise.all([pool.connect(), pool.connect()]);
    warm.forEach((client) => client.release());
    timings = recordTimings(pool);
  });
  afterEach(() => pool.end());

  it('is named after its application_name', () => {
    expect(pool.name).toBe('measured-pool-test');
  });

  it('counts one wait and one use per query, for as many callers as connections, and none waits for a release', async () => {
    await Promise.all(Array.from({ length: POOL_MAX }, () => pool.query(SLOW_QUERY)));
    expect(timings.waits).toHaveLength(POOL_MAX);
    expect(timings.uses).toHaveLength(POOL_MAX);
    expect(sum(timings.uses)).toBeGreaterThan(0);
    // A connection was idle for each caller: none of them waited as long as a query ran.
    expect(Math.max(...timings.waits)).toBeLessThan(Math.min(...timings.uses));
  });

  it('records the wait of callers beyond the pool size, each at least one holder\'s use', async () => {
    const callers = 2 * POOL_MAX;
    await Promise.all(Array.from({ length: callers }, () => pool.query(SLOW_QUERY)));
    expect(timings.waits).toHaveLength(callers);
    expect(timings.uses).toHaveLength(callers);
    expect(sum(timings.waits)).toBeGreaterThan(0);
    // The queued callers could only get a connection once a holder had released one.
    const queued = [...timings.waits].sort((a, b) => b - a).slice(0, callers - POOL_MAX);
    for (const wait of queued) expect(wait).toBeGreaterThanOrEqual(Math.min(...timings.uses));
  });

  it('counts a checkout released by promise-form connect() and by the callback\'s done() alike', async () => {
    const client = await pool.connect();
    await client.query(SLOW_QUERY);
    client.release();
    await new Promise<void>((resolve, reject) => {
      pool.connect((err, held: PoolClient | undefined, done) => {
        if (!held) return reject(err);
        held.query(SLOW_QUERY).then(() => (done(), resolve()), reject);
      });
    });
    expect(timings.waits).toHaveLength(2);
    expect(timings.uses).toHaveLength(2);
    expect(Math.min(...timings.uses)).toBeGreaterThan(0);
  });

  it('counts a release once, though pg refuses a second one', async () => {
    const client = await pool.connect();
    client.release();
    expect(() => client.release()).toThrow(/already been released/);
    expect(timings.uses).toHaveLength(1);
  });
});
