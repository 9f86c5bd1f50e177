import type { Command } from '../command';
import { flagsCommand } from './flags';
import { demoCommand } from './demo';

/** Every subcommand, in the order `lab help` lists them. */
export const commands: Command[] = [demoCommand, flagsCommand];
