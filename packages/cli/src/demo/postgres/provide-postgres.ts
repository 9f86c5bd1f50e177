import type { DemoOptions } from '../demo-options';
import type { Progress } from '../progress';
import { startEmbeddedPostgres } from './embedded-postgres';
import { useExternalPostgres } from './external-postgres';
import type { ProvidedPostgres } from './provided-postgres';

/** DATABASE_URL when it is set, else the embedded PostgreSQL; either way the demo database exists. */
export async function providePostgres(options: DemoOptions, progress: Progress): Promise<ProvidedPostgres> {
  if (options.databaseUrl) {
    const external = await useExternalPostgres(options.databaseUrl);
    progress.note(`PostgreSQL: ${external.description}`);
    return external;
  }
  return startEmbeddedPostgres(options, progress);
}
