import { createPool, withClient, withTransaction, type Pool } from '../src';

// Only backends this test opened are terminated; the shared server itself is never touched.
const url = `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/postgres`;

describe('a pooled client whose connection the server ends while it is checked out', () => {
  let pool: Pool;
  let admin: Pool;
  beforeAll(() => {
    pool = createPool(url, { applicationName: 'db-outage-client-test', max: 2 });
    admin = createPool(url, { applicationName: 'db-outage-client-admin', max: 1 });
  });
  afterAll(async () => {
    await pool.end();
    await admin.end();
  });

  const terminate = (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);

  it('inside withTransaction: no crash, the error reaches the caller, the client is discarded', async () => {
    let heldPid = 0;
    const outcome = withTransaction(pool, async (tx) => {
      heldPid = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      await terminate(heldPid);
      // Give the server's FATAL 57P01 time to arrive while the client sits idle in the transaction.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.query('SELECT 1');
    });
    await expect(outcome).rejects.toThrow(/not queryable|terminat/);
    expect(pool.totalCount).toBe(0);
    const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(rows[0].pid).not.toBe(heldPid);
  });

  it('a client withClient discards is closed, not pooled', async () => {
    const pid = await withClient(pool, async (client, discard) => {
      discard(new Error('left in an unknown state'));
      return (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    });
    expect([pool.totalCount, pool.idleCount]).toEqual([0, 0]);
    // The pool ends the connection without waiting; the server notices within a moment.
    let sessions = 1;
    for (let attempt = 0; attempt < 100 && sessions > 0; attempt++) {
      sessions = (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount ?? 0;
      if (sessions > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sessions).toBe(0);
  });

  it('an idle pooled client whose connection ends is dropped without a crash', async () => {
    const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await terminate(rows[0].pid);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pool.totalCount).toBe(0);
    expect((await pool.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });
});
