import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadReport } from '@tracecart/loadgen';

/** Where `lab load --json` without a file name writes: git ignores it, so runs never land in the tree. */
export const RUNS_DIR = 'runs';

/** runs/<UTC start time>-<rate>rps.json: sorted by time, named by the figure compared runs must share. */
export function defaultReportPath(startedAt: Date, rate: number): string {
  const stamp = startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return path.join(RUNS_DIR, `${stamp}-${rate}rps.json`);
}

/** Writes the report as JSON, creating its folder first. */
export async function writeReportFile(file: string, report: LoadReport): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
