import { createPool, migrate, seedCatalog, type Pool } from '@tracecart/db';
import { formatSeconds, type Progress } from './progress';

// Room for the seed's parallel chunks plus the count that starts it.
const SEED_POOL_SIZE = 4;
// Names the seed's connections, so a stop request can cancel exactly their statements.
const SEED_APPLICATION = 'lab-demo-seed';

/** Thrown when the seed stopped because the person asked the demo to stop. */
export class SeedInterrupted extends Error {
  constructor() {
    super('seed interrupted');
    this.name = 'SeedInterrupted';
  }
}

async function cancelSeedStatements(databaseUrl: string): Promise<void> {
  const pool = createPool(databaseUrl, { applicationName: 'lab-demo', max: 1 });
  try {
    await pool.query('SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [SEED_APPLICATION]);
  } finally {
    await pool.end();
  }
}

async function seedWithProgress(pool: Pool, catalogSize: number, progress: Progress, stop: AbortSignal): Promise<void> {
  const started = Date.now();
  const inserted = await seedCatalog(pool, catalogSize, (p) => {
    if (stop.aborted) throw new SeedInterrupted();
    progress.count('seeding the catalog', p.inserted, p.total);
  });
  progress.note(
    inserted
      ? `seeded ${inserted.toLocaleString('en-US')} products (${formatSeconds(Date.now() - started)})`
      : `the catalog already holds at least ${catalogSize.toLocaleString('en-US')} products: seed skipped`,
  );
}

/** Applies the migrations and seeds the catalog up to `catalogSize`; `stop` cancels a running seed. */
export async function prepareDatabase(databaseUrl: string, catalogSize: number, progress: Progress, stop: AbortSignal): Promise<void> {
  const pool = createPool(databaseUrl, { applicationName: SEED_APPLICATION, max: SEED_POOL_SIZE, statementTimeoutMs: 0 });
  const onStop = () => {
    cancelSeedStatements(databaseUrl).catch((error: Error) => progress.note(`could not cancel the seed: ${error.message}`));
  };
  stop.addEventListener('abort', onStop, { once: true });
  try {
    await progress.step('migrating the schema', () => migrate(pool), (applied) => (applied.length ? `applied ${applied.join(', ')}` : 'already current'));
    await seedWithProgress(pool, catalogSize, progress, stop);
  } catch (error) {
    throw stop.aborted ? new SeedInterrupted() : error;
  } finally {
    stop.removeEventListener('abort', onStop);
    await pool.end();
  }
}
