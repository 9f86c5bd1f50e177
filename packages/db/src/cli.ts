// `node dist/cli.js migrate|seed|setup`: schema and catalog for DATABASE_URL.
import { createPool } from './pool';
import { migrate } from './migrations';
import { parseCatalogSize, seedCatalog } from './seed';

async function run(command: string | undefined): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (!['migrate', 'seed', 'setup'].includes(command ?? '')) throw new Error('usage: cli.js migrate|seed|setup');
  const size = parseCatalogSize(process.env.CATALOG_SIZE);
  const pool = createPool(url, { applicationName: 'tracecart-db-cli', max: 2, statementTimeoutMs: 0 });
  try {
    if (command !== 'seed') {
      const applied = await migrate(pool);
      console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'schema is current');
    }
    if (command !== 'migrate') {
      const inserted = await seedCatalog(pool, size, (p) => process.stdout.write(`\rseeding catalog ${p.inserted}/${p.total}`));
      console.log(inserted ? `\nseeded ${inserted} products` : `catalog already has ${size} products`);
    }
  } finally {
    await pool.end();
  }
}

run(process.argv[2]).catch((error: Error) => {
  console.error(`db: ${error.message}`);
  process.exit(1);
});
