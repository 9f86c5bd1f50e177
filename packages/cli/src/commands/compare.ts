import { readFile } from 'node:fs/promises';
import { formatReportComparison, type LoadReport } from '@tracecart/loadgen';
import { UsageError, type Command } from '../command';
import { parseCommandLine } from './command-line';

const COMPARE_USAGE = 'usage: lab compare <before.json> <after.json>';

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

/** `lab compare before.json after.json`: the before/after table of two load reports, with ratios. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'before/after table of two load reports: compare before.json after.json',
  async run(argv) {
    const files = parseCommandLine({ args: argv, allowPositionals: true }, COMPARE_USAGE).positionals;
    if (files.length !== 2) throw new UsageError(COMPARE_USAGE);
    const [before, after] = await Promise.all(files.map(readReport));
    console.log(formatReportComparison(before, after));
    return 0;
  },
};
