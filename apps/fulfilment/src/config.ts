import { z } from 'zod';
import { readConfig } from '@tracecart/http-kit';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8083),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/tracecart'),
  INVENTORY_URL: z.string().url().default('http://127.0.0.1:8082'),
  CARRIER_URL: z.string().url().default('http://127.0.0.1:8084'),
  /** Deliveries handled at once with both consumer switches off (problem.slow-consumer makes it 1). */
  FULFILMENT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Deliveries handled at once under fix.consumers: enough to drain a backlog the checkouts built. */
  FULFILMENT_FIXED_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(16),
  /** How long one call to inventory or the carrier may take. */
  DOWNSTREAM_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(5),
  /** A delivery active this long is taken as lost (its worker died) and delivered again. */
  QUEUE_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How often expired deliveries are looked for. */
  QUEUE_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  /** Retries of a failed delivery before the message goes to the dead-letter queue. */
  QUEUE_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(3),
});

/** The fulfilment worker's settings. */
export type FulfilmentConfig = z.infer<typeof schema>;

/** Reads the fulfilment settings from the environment, once. */
export function readFulfilmentConfig(env: NodeJS.ProcessEnv): Readonly<FulfilmentConfig> {
  return readConfig(schema, env);
}
