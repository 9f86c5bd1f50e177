import { readFile } from 'node:fs/promises';
import { formatReportComparison, type LoadReport } from '@tracecart/loadgen';
import { UsageError, type Command } from '../command';
import { formatSwitchComparison } from '../load/format-switches';
import { parseCommandLine } from './command-line';

const COMPARE_USAGE = 'usage: lab compare <before.json> <after.json> [--switch fix.index]  (--switch: the one switch the runs should differ in)';

async function readReport(file: string): Promise<LoadReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const report = JSON.parse(text) as LoadReport;
    if (typeof report?.latencyMs?.p99 !== 'number' || typeof report.slo?.verdict !== 'string') throw new Error('not a load report');
    return report;
  } catch {
    throw new UsageError(`${file} is not a report written by lab load --json`);
  }
}

/** `lab compare before.json after.json`: both runs' switches, warnings when they differ in more than one, and the before/after table. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'switches and before/after table of two load reports: compare before.json after.json [--switch fix.index]',
  async run(argv) {
    const options = { switch: { type: 'string' } } as const;
    const { positionals: files, values } = parseCommandLine({ args: argv, options, allowPositionals: true }, COMPARE_USAGE);
    if (files.length !== 2) throw new UsageError(COMPARE_USAGE);
    const [before, after] = await Promise.all(files.map(readReport));
    const switches = formatSwitchComparison({ file: files[0], report: before }, { file: files[1], report: after }, values.switch);
    console.log([...switches, ...(switches.length > 0 ? [''] : []), formatReportComparison(before, after)].join('\n'));
    return 0;
  },
};
