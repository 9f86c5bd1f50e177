import { Client } from 'pg';

// Database names go into DDL unquoted, so only plain identifiers are accepted.
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function splitDatabaseUrl(databaseUrl: string): { name: string; maintenanceUrl: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`database name "${name}" must be a plain lower-case identifier`);
  url.pathname = '/postgres';
  return { name, maintenanceUrl: url.toString() };
}

async function onMaintenanceDb<T>(maintenanceUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: maintenanceUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database DATABASE_URL names when it does not exist; true when it was created. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const { name, maintenanceUrl } = splitDatabaseUrl(databaseUrl);
  return onMaintenanceDb(maintenanceUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } catch (error) {
      // Another process created it between the check and the CREATE: that is the goal anyway.
      if ((error as { code?: string }).code !== '42P04') throw error;
      return false;
    }
    return true;
  });
}

/** Drops the database DATABASE_URL names, closing its connections first. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { name, maintenanceUrl } = splitDatabaseUrl(databaseUrl);
  await onMaintenanceDb(maintenanceUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
