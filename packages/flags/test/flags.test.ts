import { createTestDatabase, type TestDatabase } from '@tracecart/testkit';
import {
  DEFAULT_FLAGS,
  FlagWatcher,
  IndexReconciler,
  readFlagSnapshot,
  writeFlag,
  type FlagSnapshot,
} from '../src';

const LOOKUP = `EXPLAIN SELECT sku, name, price_cents, on_hand FROM products WHERE sku = 'SKU-0012345'`;

async function plan(db: TestDatabase): Promise<string> {
  const { rows } = await db.pool.query<{ 'QUERY PLAN': string }>(LOOKUP);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('flags', () => {
  let db: TestDatabase;
  const errors: Error[] = [];
  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 20_000 });
  });
  afterAll(() => db.drop());

  it('start all off', async () => {
    expect(await readFlagSnapshot(db.pool)).toEqual({ flags: DEFAULT_FLAGS, pending: {}, index: 'absent' });
  });

  it('reject unknown names and bad values, changing nothing', async () => {
    await expect(writeFlag(db.pool, 'fix.everything', true)).rejects.toMatchObject({ kind: 'unknown_flag' });
    await expect(writeFlag(db.pool, 'fix.cache', 'yes')).rejects.toMatchObject({ kind: 'invalid_value' });
    await expect(writeFlag(db.pool, 'chaos.latency', { ms: 10, rate: 2 })).rejects.toThrow(/chaos.latency.rate/);
    await expect(writeFlag(db.pool, 'chaos.latency', { ms: -1, rate: 0.5 })).rejects.toThrow(/chaos.latency.ms/);
    await expect(writeFlag(db.pool, 'chaos.errors', { rate: 0.1, extra: 1 })).rejects.toMatchObject({ kind: 'invalid_value' });
    expect((await readFlagSnapshot(db.pool)).flags).toEqual(DEFAULT_FLAGS);
  });

  it('fix.index builds and drops the real index: Seq Scan, Index Scan, Seq Scan', async () => {
    const reconciler = new IndexReconciler(db.pool, (e) => errors.push(e));
    expect(await plan(db)).toContain('Seq Scan');
    await writeFlag(db.pool, 'fix.index', true);
    expect((await readFlagSnapshot(db.pool)).pending).toEqual({ 'fix.index': true });
    await reconciler.reconcile();
    expect(await plan(db)).toContain('Index Scan');
    expect(await readFlagSnapshot(db.pool)).toMatchObject({ flags: { 'fix.index': true }, pending: {}, index: 'ready' });
    await writeFlag(db.pool, 'fix.index', false);
    await reconciler.reconcile();
    expect(await plan(db)).toContain('Seq Scan');
    expect(await plan(db)).not.toContain('Index');
    expect(errors).toEqual([]);
  });

  it('a watcher sees a change through LISTEN/NOTIFY', async () => {
    const watcher = new FlagWatcher({ pool: db.pool, databaseUrl: db.url, refreshMs: 60_000, onError: (e) => errors.push(e) });
    await watcher.start();
    const seen = new Promise<FlagSnapshot>((resolve) => watcher.onChange((s) => s.flags['fix.batch'] && resolve(s)));
    await writeFlag(db.pool, 'fix.batch', true);
    expect((await seen).flags['fix.batch']).toBe(true);
    expect(watcher.current().flags['fix.batch']).toBe(true);
    await watcher.stop();
    await writeFlag(db.pool, 'fix.batch', false);
  });

  it('a watcher reads one snapshot at a time, and once more for what was asked meanwhile', async () => {
    // Reads that overlap could end out of order and leave an older snapshot in place.
    const watcher = new FlagWatcher({ pool: db.pool, databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere', pollMs: 60_000, onError: () => undefined });
    await watcher.start();
    const reads: boolean[] = [];
    watcher.onChange((s) => reads.push(s.flags['fix.batch']));
    await writeFlag(db.pool, 'fix.batch', true);
    // Four asked at once: the first read, then one more for the three asked while it ran.
    await Promise.all([watcher.refresh(), watcher.refresh(), watcher.refresh(), watcher.refresh()]);
    expect(reads).toHaveLength(2);
    expect(reads.at(-1)).toBe(true);
    expect(watcher.current().flags['fix.batch']).toBe(true);
    await watcher.stop();
    await writeFlag(db.pool, 'fix.batch', false);
  });

  it('a watcher that cannot LISTEN falls back to polling', async () => {
    const watcher = new FlagWatcher({
      pool: db.pool,
      databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere',
      pollMs: 100,
      onError: () => undefined,
    });
    await watcher.start();
    const seen = new Promise<FlagSnapshot>((resolve) => watcher.onChange((s) => s.flags['chaos.errors'].rate === 0.5 && resolve(s)));
    await writeFlag(db.pool, 'chaos.errors', { rate: 0.5 });
    expect((await seen).flags['chaos.errors']).toEqual({ rate: 0.5 });
    await watcher.stop();
  });
});
