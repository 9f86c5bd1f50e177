import type { Command } from '../command';

/** Every subcommand, in the order `lab help` lists them. */
export const commands: Command[] = [];
