import { createPool, migrate, type Pool } from '@tracecart/db';
import { startPrivatePostgres, waitUntil, type PrivatePostgres } from '@tracecart/testkit';
import { FlagWatcher, writeFlag } from '../src';

const WATCHER_APP = 'flag-watcher-under-test';

describe('a flag watcher across a database restart (private PostgreSQL)', () => {
  let pg: PrivatePostgres;
  let pool: Pool;
  let watcher: FlagWatcher;
  const errors: Error[] = [];

  const listenSessions = async () => {
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [WATCHER_APP]);
    return rows[0].n;
  };

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    pool = createPool(pg.url, { applicationName: 'flags-outage-test', max: 3 });
    await migrate(pool);
    // The safety-net refresh is far away: a change seen soon came through LISTEN or the reconnect.
    watcher = new FlagWatcher({
      pool,
      databaseUrl: pg.url,
      pollMs: 200,
      maxBackoffMs: 1600,
      refreshMs: 600_000,
      applicationName: WATCHER_APP,
      onError: (error) => errors.push(error),
    });
    await watcher.start();
  });
  afterAll(async () => {
    await watcher?.stop();
    await pool?.end();
    await pg?.destroy();
  });

  it('reconnects with backoff and picks up a flag changed while it was not listening', async () => {
    expect(watcher.isListening()).toBe(true);
    await pg.stop();
    await waitUntil('the watcher to notice', () => !watcher.isListening());
    // Several failed attempts: the wait between them has grown past the first pollMs.
    await waitUntil('reconnect attempts to fail', () => errors.filter((e) => /ECONNREFUSED/.test(e.message)).length >= 4);
    await pg.start();
    const before = await listenSessions();
    await writeFlag(pool, 'fix.batch', true);
    const after = await listenSessions();
    // Nothing listened when the change was announced: only the re-read can find it.
    expect([before, after]).toEqual([0, 0]);
    expect(watcher.current().flags['fix.batch']).toBe(false);
    await waitUntil('the watcher to see fix.batch on', () => watcher.current().flags['fix.batch']);
    await waitUntil('the watcher to LISTEN again', () => watcher.isListening());
    expect(await listenSessions()).toBe(1);
  });

  it('hears changes through LISTEN again after the reconnect', async () => {
    await writeFlag(pool, 'chaos.errors', { rate: 0.25 });
    await waitUntil('the notification', () => watcher.current().flags['chaos.errors'].rate === 0.25);
  });

  it('survives a crash of the server (SIGKILL) the same way', async () => {
    await pg.kill();
    await waitUntil('the watcher to notice', () => !watcher.isListening());
    await pg.start();
    await waitUntil('the watcher to LISTEN again', () => watcher.isListening());
    await writeFlag(pool, 'fix.batch', false);
    await waitUntil('the notification', () => !watcher.current().flags['fix.batch']);
  });
});
