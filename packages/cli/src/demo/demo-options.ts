import path from 'node:path';
import { parseCatalogSize } from '@tracecart/db';
import { parseCommandLine } from '../commands/command-line';
import { DemoError } from './demo-error';

/** Everything `lab demo` needs to know, parsed once from its flags and the environment. */
export interface DemoOptions {
  catalogSize: number;
  /** Keep the embedded database on exit; a later run given its folder (--data-dir) reuses it, skipping a complete seed. */
  keepData: boolean;
  /** Where the embedded database lives, when named; else each run makes a fresh folder of its own. */
  dataDir?: string;
  /** An existing Postgres to use instead of the embedded one. */
  databaseUrl?: string;
  redisUrl: string;
}

/** The flags `lab demo` accepts, for its help text. */
export const DEMO_USAGE = 'usage: lab demo [--catalog-size N] [--keep-data] [--data-dir DIR]';

function readFlags(args: string[]) {
  const options = { 'catalog-size': { type: 'string' }, 'keep-data': { type: 'boolean' }, 'data-dir': { type: 'string' } } as const;
  return parseCommandLine({ args, options }, DEMO_USAGE).values;
}

function readCatalogSize(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  try {
    return parseCatalogSize(flag ?? env.CATALOG_SIZE);
  } catch (error) {
    const message = (error as Error).message;
    throw new DemoError(flag === undefined ? message : message.replace('CATALOG_SIZE', '--catalog-size'));
  }
}

function checkDatabaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DemoError(`DATABASE_URL must be a postgres:// URL, got "${raw}"`);
  }
  if (!/^postgres(ql)?:$/.test(url.protocol)) throw new DemoError(`DATABASE_URL must be a postgres:// URL, got "${raw}"`);
  return raw;
}

function namedDataDir(named: string | undefined): string | undefined {
  return named ? path.resolve(named) : undefined;
}

/** Parses `lab demo` flags over CATALOG_SIZE, DATABASE_URL, REDIS_URL and LAB_DATA_DIR; throws one-line errors. */
export function readDemoOptions(args: string[], env: NodeJS.ProcessEnv): DemoOptions {
  const flags = readFlags(args);
  return Object.freeze({
    catalogSize: readCatalogSize(flags['catalog-size'], env),
    keepData: flags['keep-data'] === true,
    dataDir: namedDataDir(flags['data-dir'] || env.LAB_DATA_DIR),
    databaseUrl: checkDatabaseUrl(env.DATABASE_URL),
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  });
}
