import { z } from 'zod';
import { readConfig } from '@tracecart/http-kit';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/tracecart'),
  INVENTORY_URL: z.string().url().default('http://127.0.0.1:8082'),
  /** Budget for a whole checkout when the caller sends none. */
  CHECKOUT_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(20_000),
  /** problem.retries: how long one attempt at an inventory call may take before it is resent. */
  INVENTORY_ATTEMPT_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(100),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(30),
  /**
   * A test fault, unset in every real run: the process kills itself right after committing an
   * order for this customer id, before answering, as a crash there would. Tests set it to prove
   * the shopper still learns of that order.
   */
  TEST_FAULT_EXIT_AFTER_COMMIT: z.string().min(1).optional(),
});

/** The order service's settings. */
export type OrderConfig = z.infer<typeof schema>;

/** Reads the order settings from the environment, once. */
export function readOrderConfig(env: NodeJS.ProcessEnv): Readonly<OrderConfig> {
  return readConfig(schema, env);
}
