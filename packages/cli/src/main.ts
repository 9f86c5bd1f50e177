#!/usr/bin/env node
import { commands } from './commands';
import { UsageError } from './command';

function printHelp(): void {
  console.log('usage: npm run lab -- <command> [options]\n');
  for (const command of commands) console.log(`  ${command.name.padEnd(10)} ${command.summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    printHelp();
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}"; try: npm run lab -- help`);
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`lab: ${error.message}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
