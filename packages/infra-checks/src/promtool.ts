import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The outcome of one promtool run. */
export interface PromtoolResult {
  ok: boolean;
  output: string;
}

/** An executable named `name` on PATH, or undefined when there is none. */
export function findOnPath(name: string, envPath: string = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter).filter((d) => d !== '')) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry; keep looking
    }
  }
  return undefined;
}

/** The promtool binary on PATH, or undefined when it is not installed. */
export function findPromtool(envPath: string = process.env.PATH ?? ''): string | undefined {
  return findOnPath('promtool', envPath);
}

/** Runs promtool with `args` in `cwd`, bounded to a minute; never throws for a failing check. */
export function runPromtool(bin: string, args: string[], cwd: string): PromtoolResult {
  const result = spawnSync(bin, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) return { ok: false, output: result.error.message };
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
