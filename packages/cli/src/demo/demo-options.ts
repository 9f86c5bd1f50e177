import os from 'node:os';
import path from 'node:path';
import { parseCatalogSize } from '@tracecart/db';
import { UsageError } from '../command';
import { DemoError } from './demo-error';

/** Everything `lab demo` needs to know, parsed once from its flags and the environment. */
export interface DemoOptions {
  catalogSize: number;
  /** Keep the embedded database between runs (and reuse it, skipping a complete seed). */
  keepData: boolean;
  /** Where the embedded database lives. */
  dataDir: string;
  /** An existing Postgres to use instead of the embedded one. */
  databaseUrl?: string;
  redisUrl: string;
}

/** The flags `lab demo` accepts, for its help text. */
export const DEMO_USAGE = 'usage: lab demo [--catalog-size N] [--keep-data] [--data-dir DIR]';

interface Flags {
  catalogSize?: string;
  keepData: boolean;
  dataDir?: string;
}

function readFlags(args: string[]): Flags {
  const flags: Flags = { keepData: false };
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => inline ?? args[++i] ?? '';
    if (name === '--keep-data') flags.keepData = true;
    else if (name === '--catalog-size') flags.catalogSize = value();
    else if (name === '--data-dir') flags.dataDir = value();
    else throw new UsageError(`unknown option "${args[i]}"; ${DEMO_USAGE}`);
  }
  return flags;
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

/** The default home of the embedded database: per user, under the system's temporary folder. */
export function defaultDataDir(): string {
  return path.join(os.tmpdir(), `tracecart-lab-${os.userInfo().username}`);
}

/** Parses `lab demo` flags over CATALOG_SIZE, DATABASE_URL, REDIS_URL and LAB_DATA_DIR; throws one-line errors. */
export function readDemoOptions(args: string[], env: NodeJS.ProcessEnv): DemoOptions {
  const flags = readFlags(args);
  return Object.freeze({
    catalogSize: readCatalogSize(flags.catalogSize, env),
    keepData: flags.keepData,
    dataDir: path.resolve(flags.dataDir || env.LAB_DATA_DIR || defaultDataDir()),
    databaseUrl: checkDatabaseUrl(env.DATABASE_URL),
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  });
}
