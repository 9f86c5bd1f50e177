import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../command';

/** node:util parseArgs (strict unless the config says otherwise); a mistake becomes a UsageError ending in the usage text. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}
