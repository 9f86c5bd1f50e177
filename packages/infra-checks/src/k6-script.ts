import vm from 'node:vm';

/** The k6 modules and globals a script sees, supplied by the caller (usually fakes). */
export interface K6Environment {
  env: Record<string, string>;
  modules: Record<string, unknown>;
}

/** What a k6 script exports: its options, its default function and any named exports. */
export type K6Exports = Record<string, unknown> & { options?: unknown; default?: (...args: unknown[]) => unknown };

const IMPORT = /^import\s+(?:(\w+)|\{([^}]*)\})\s+from\s+'([^']+)';?$/gm;
const NAMED_EXPORT = /^export\s+(const|let|function)\s+(\w+)/gm;

function rewriteImport(name: string | undefined, names: string | undefined, from: string): string {
  const module = `__modules[${JSON.stringify(from)}]`;
  return name ? `const ${name} = ${module}.default;` : `const {${(names ?? '').replace(/\s+as\s+/g, ': ')}} = ${module};`;
}

/** Rewrites the ES module syntax the lab's k6 scripts use (imports, exports) into a plain script. */
export function toPlainScript(source: string): string {
  const exported = [...source.matchAll(NAMED_EXPORT)].map((m) => m[2]);
  const body = source
    .replace(IMPORT, (_whole, name?: string, names?: string, from?: string) => rewriteImport(name, names, from ?? ''))
    .replace(/^export\s+default\s+function\s*\(/m, '__exports.default = function (')
    .replace(NAMED_EXPORT, '$1 $2');
  return `${body}\n${exported.map((n) => `__exports.${n} = ${n};`).join('\n')}\n`;
}

/** Runs a k6 script's init code in a sandbox with the given modules and returns its exports. */
export function evaluateK6Script(source: string, environment: K6Environment): K6Exports {
  const exportsObject: K6Exports = {};
  const context = vm.createContext({ __ENV: environment.env, __modules: environment.modules, __exports: exportsObject });
  vm.runInContext(toPlainScript(source), context, { timeout: 5_000 });
  return exportsObject;
}
