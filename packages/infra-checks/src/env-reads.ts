import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ENV_ACCESS = /\b(?:env|process\.env)(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g;
// Keys of a zod config schema: `  PORT: z.coerce.number()...`, or a shared schema such as
// `  GATEWAY_URL: httpUrl.default(...)`.
const SCHEMA_KEY = /^\s*([A-Z][A-Z0-9_]*)\s*:\s*(?:z\.|[a-z][A-Za-z0-9]*\.)/gm;

/** Environment variable names a TypeScript source reads: property or index access on env, and zod schema keys. */
export function findEnvReads(source: string): string[] {
  const names = [...source.matchAll(ENV_ACCESS)].map((m) => m[1] ?? m[2]);
  return [...new Set([...names, ...[...source.matchAll(SCHEMA_KEY)].map((m) => m[1])])];
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every environment variable some workspace's src/ reads (apps/* and packages/*). */
export function readWorkspaceEnvNames(root: string): Set<string> {
  const names = new Set<string>();
  for (const group of ['apps', 'packages']) {
    for (const entry of readdirSync(path.join(root, group), { withFileTypes: true })) {
      const src = path.join(root, group, entry.name, 'src');
      if (!entry.isDirectory() || !existsSync(src)) continue;
      for (const file of listSources(src)) findEnvReads(readFileSync(file, 'utf8')).forEach((n) => names.add(n));
    }
  }
  return names;
}

