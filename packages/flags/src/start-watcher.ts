import type { Pool } from 'pg';
import { FlagWatcher } from './flag-watcher';
import type { FlagValues } from './definitions';

/** The one thing a service's logger must do here. */
interface WarnLogger {
  warn(details: object, message: string): void;
}

/** A started watcher, the live values for createApp, and what to close on shutdown. */
export interface ServiceFlags {
  watcher: FlagWatcher;
  values: () => FlagValues;
  /** Stops watching, then closes the pool (the service's last database user). */
  close(): Promise<void>;
}

/** Starts watching the switches for a service that owns `pool`; rejects when the database is down. */
export async function startServiceFlags(pool: Pool, databaseUrl: string, logger: WarnLogger): Promise<ServiceFlags> {
  // The LISTEN connection is named after the service's pool, so pg_stat_activity tells them apart.
  const applicationName = `${pool.options.application_name ?? 'tracecart'}-flags`;
  const watcher = new FlagWatcher({ pool, databaseUrl, applicationName, onError: (err) => logger.warn({ err }, 'watching the switches') });
  await watcher.start();
  return {
    watcher,
    values: () => watcher.current().flags,
    async close() {
      await watcher.stop();
      await pool.end();
    },
  };
}
