import type { Command } from '../command';
import { flagsCommand } from './flags';
import { demoCommand } from './demo';
import { diagnoseCommand } from './diagnose';
import { loadCommand } from './load';
import { compareCommand } from './compare';
import { challengeCommand } from './challenge';

/** Every subcommand, in the order `lab help` lists them. */
export const commands: Command[] = [demoCommand, flagsCommand, diagnoseCommand, loadCommand, compareCommand, challengeCommand];
