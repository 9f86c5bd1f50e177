import { UsageError } from '../src/command';
import { parseCommandLine } from '../src/commands/command-line';
import { compareCommand } from '../src/commands/compare';
import { flagsCommand } from '../src/commands/flags';

describe('command lines through node:util parseArgs', () => {
  const options = { runs: { type: 'string' }, quiet: { type: 'boolean' } } as const;

  it('reads flags in both spellings and positionals', () => {
    const parsed = parseCommandLine({ args: ['--runs=3', 'a', '--quiet', 'b'], options, allowPositionals: true }, 'usage: x');
    expect([parsed.values, parsed.positionals]).toEqual([{ runs: '3', quiet: true }, ['a', 'b']]);
  });

  it.each([
    [['--fast'], /^Unknown option '--fast'\nusage: x$/],
    [['--runs', '-1'], /^Option '--runs' argument is ambiguous\.\n.*'--runs=-XYZ'\.\nusage: x$/s],
    [['--runs'], /^Option '--runs <value>' argument missing\nusage: x$/],
    [['--quiet=yes'], /^Option '--quiet' does not take an argument\nusage: x$/],
    [['stray'], /^Unexpected argument 'stray'\. This command does not take positional arguments\nusage: x$/],
  ])('turns %j into a UsageError with the words of parseArgs and the usage', (args, message) => {
    expect(() => parseCommandLine({ args, options }, 'usage: x')).toThrow(UsageError);
    expect(() => parseCommandLine({ args, options }, 'usage: x')).toThrow(message);
  });

  it('refuses unknown flags to lab flags and lab compare before doing anything', async () => {
    await expect(flagsCommand.run(['set', 'fix.cache', 'on', '--force'])).rejects.toThrow(/^Unknown option '--force'.*\nusage: lab flags/);
    await expect(compareCommand.run(['a.json', 'b.json', '--json'])).rejects.toThrow(/^Unknown option '--json'.*\nusage: lab compare/);
    await expect(compareCommand.run(['a.json'])).rejects.toThrow(UsageError);
  });
});
