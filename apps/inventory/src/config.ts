import { z } from 'zod';
import { readConfig } from '@tracecart/http-kit';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8082),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/tracecart'),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(30),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** memory: an in-process cache, for machines without Redis (the demo announces it). */
  CACHE_BACKEND: z.enum(['redis', 'memory']).default('redis'),
  CACHE_KEY_PREFIX: z.string().min(1).max(100).default('tracecart:'),
  CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  /**
   * Stock dashboards open while problem.pool is on; unset, as many as PG_POOL_MAX: starving a
   * pool takes as many slow holders as it has connections, whatever its size.
   */
  STOCK_REPORT_VIEWERS: z.coerce.number().int().min(1).max(200).optional(),
  /** Each dashboard's pause between two refreshes of its stock report. */
  STOCK_REPORT_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(100),
});

/** The inventory service's settings. */
export type InventoryConfig = z.infer<typeof schema>;

/** Reads the inventory settings from the environment, once. */
export function readInventoryConfig(env: NodeJS.ProcessEnv): Readonly<InventoryConfig> {
  return readConfig(schema, env);
}
