import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function declaresWorkspaces(dir: string): boolean {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return false;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { workspaces?: unknown };
  return Array.isArray(manifest.workspaces);
}

/** Walks up from `start` to the folder whose package.json declares workspaces: the monorepo root. */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (declaresWorkspaces(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json with workspaces above ${start}`);
    dir = parent;
  }
}
