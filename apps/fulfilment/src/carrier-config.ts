import { z } from 'zod';
import { readConfig } from '@tracecart/http-kit';

const schema = z.object({
  CARRIER_PORT: z.coerce.number().int().min(0).max(65535).default(8084),
  HOST: z.string().default('0.0.0.0'),
  /** What a remote carrier API takes to issue a label; a stand-in for a network round trip. */
  CARRIER_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(40),
});

/** The carrier stub's settings. */
export type CarrierConfig = z.infer<typeof schema>;

/** Reads the carrier stub's settings from the environment, once. */
export function readCarrierConfig(env: NodeJS.ProcessEnv): Readonly<CarrierConfig> {
  return readConfig(schema, env);
}
