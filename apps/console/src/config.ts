import { z } from 'zod';
import { readConfig } from '@tracecart/http-kit';

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8088),
    /** Loopback by default: the control API can change the lab, so it is not exposed unasked. */
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/tracecart'),
    LAB_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  })
  .refine((c) => isLoopback(c.HOST) || c.LAB_ADMIN_TOKEN !== undefined, {
    path: ['LAB_ADMIN_TOKEN'],
    message: 'is required when HOST is not a loopback address',
  });

/** The console's settings. */
export type ConsoleConfig = z.infer<typeof schema>;

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Reads the console settings from the environment, once. */
export function readConsoleConfig(env: NodeJS.ProcessEnv): Readonly<ConsoleConfig> {
  return readConfig(schema, env);
}
