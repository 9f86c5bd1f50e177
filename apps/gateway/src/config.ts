import { z } from 'zod';
import { readConfig } from '@tracecart/http-kit';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** Only for the switches' state (lab.fix.* on spans); the gateway stores nothing. */
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/tracecart'),
  ORDER_URL: z.string().url().default('http://127.0.0.1:8081'),
  INVENTORY_URL: z.string().url().default('http://127.0.0.1:8082'),
  /** How long a checkout may take end to end before the shopper gets 503. */
  CHECKOUT_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(25_000),
  /** How long a product or order read may take. */
  READ_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(10_000),
});

/** The gateway's settings. */
export type GatewayConfig = z.infer<typeof schema>;

/** Reads the gateway settings from the environment, once. */
export function readGatewayConfig(env: NodeJS.ProcessEnv): Readonly<GatewayConfig> {
  return readConfig(schema, env);
}
