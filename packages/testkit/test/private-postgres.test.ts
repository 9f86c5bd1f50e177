import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { isProcessAlive, startPrivatePostgres, type PrivatePostgres } from '../src';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startPrivatePostgres', () => {
  let pg: PrivatePostgres;
  let dataDir: string;
  beforeAll(async () => {
    pg = await startPrivatePostgres({ database: 'kit_check' });
    const [row] = await query<{ setting: string }>(pg.url, `SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
    dataDir = row.setting;
  });
  afterAll(() => pg?.destroy());

  it('serves its own database on an ephemeral 127.0.0.1 port, from a temporary folder', async () => {
    expect(pg.url).toBe(`postgres://postgres@127.0.0.1:${pg.port}/kit_check`);
    expect(pg.port).not.toBe(5432);
    expect(existsSync(dataDir)).toBe(true);
    await query(pg.url, 'CREATE TABLE kept (n int)');
    await query(pg.url, 'INSERT INTO kept VALUES (1)');
  });

  it('refuses connections while stopped, and keeps the data across a restart', async () => {
    const before = pg.pid();
    await pg.stop();
    expect(pg.isRunning()).toBe(false);
    expect(isProcessAlive(before!)).toBe(false);
    await expect(query(pg.url, 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await pg.start();
    expect(await query(pg.url, 'SELECT n FROM kept')).toEqual([{ n: 1 }]);
    await pg.restart();
    expect(pg.pid()).not.toBe(before);
    expect(await query(pg.url, 'SELECT n FROM kept')).toEqual([{ n: 1 }]);
  });

  it('recovers from kill() (SIGKILL to the server and its backends) with committed data', async () => {
    // The server runs with synchronous_commit off; this commit waits for its WAL like a durable one.
    await query(pg.url, 'BEGIN; SET LOCAL synchronous_commit = on; INSERT INTO kept VALUES (2); COMMIT');
    const killed = pg.pid()!;
    await pg.kill();
    expect(isProcessAlive(killed)).toBe(false);
    await pg.start();
    expect(await query(pg.url, 'SELECT n FROM kept ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('destroy() stops the server and removes its folder', async () => {
    const pid = pg.pid()!;
    await pg.destroy();
    expect(isProcessAlive(pid)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });
});
