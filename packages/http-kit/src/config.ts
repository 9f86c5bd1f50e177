import type { z } from 'zod';

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once into a frozen, typed config; throws ConfigError naming the variable. */
export function readConfig<T extends object>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): Readonly<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') || 'environment';
    throw new ConfigError(`${name}: ${issue?.message ?? 'invalid'} (got "${env[name] ?? ''}")`);
  }
  return Object.freeze(result.data);
}
