import type { Command } from '../command';
import { flagsCommand } from './flags';

/** Every subcommand, in the order `lab help` lists them. */
export const commands: Command[] = [flagsCommand];
