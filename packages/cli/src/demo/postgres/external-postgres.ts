import { ensureDatabase } from '@tracecart/db';
import { DemoError, redactUrl } from '../demo-error';
import type { ProvidedPostgres } from './provided-postgres';

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

function describeFailure(error: Error & { code?: string }): string {
  if (error.code && UNREACHABLE_CODES.has(error.code)) return `is unreachable (${error.message})`;
  if (/timeout/i.test(error.message)) return `is unreachable (${error.message})`;
  return `cannot be used: ${error.message}`;
}

/** Uses DATABASE_URL: creates its database when missing; one-line DemoError when it cannot. */
export async function useExternalPostgres(databaseUrl: string): Promise<ProvidedPostgres> {
  try {
    await ensureDatabase(databaseUrl);
  } catch (error) {
    const message = `DATABASE_URL ${redactUrl(databaseUrl)} ${describeFailure(error as Error)}`;
    throw new DemoError(message.split('\n')[0]);
  }
  return {
    url: databaseUrl,
    description: `${redactUrl(databaseUrl)} (from DATABASE_URL)`,
    crashed: new Promise<string>(() => undefined),
    stop: async () => undefined,
  };
}
