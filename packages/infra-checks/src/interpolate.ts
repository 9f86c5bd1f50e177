// Compose's variable syntax: $$ is a literal $, $NAME and ${NAME} read a variable, and
// ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}, ${NAME:+alt}, ${NAME+alt} modify it.
const REFERENCE = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The names of every variable a compose text reads, in order of first use ($$ escapes excluded). */
export function listComposeVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[2] ?? match[5];
    if (name !== undefined) names.add(name);
  }
  return [...names];
}

function resolve(name: string, modifier: string | undefined, word: string, env: ReadonlyMap<string, string>): string {
  const value = env.get(name);
  const unsetOrEmpty = value === undefined || value === '';
  switch (modifier) {
    case ':-': return unsetOrEmpty ? word : (value as string);
    case '-': return value ?? word;
    case ':?': if (unsetOrEmpty) throw new Error(`${name}: ${word || 'is required'}`); return value as string;
    case '?': if (value === undefined) throw new Error(`${name}: ${word || 'is required'}`); return value;
    case ':+': return unsetOrEmpty ? '' : word;
    case '+': return value === undefined ? '' : word;
    default:
      // Compose would substitute an empty string with a warning; for the lab that is always a mistake.
      if (value === undefined) throw new Error(`${name} is used but not defined in .env`);
      return value;
  }
}

/** Substitutes compose variables in one string from `env`; an undefined variable without a default throws. */
export function interpolateCompose(value: string, env: ReadonlyMap<string, string>): string {
  return value.replace(REFERENCE, (_whole, escapedOrBraced: string, braced?: string, modifier?: string, word?: string, bare?: string) => {
    if (escapedOrBraced === '$') return '$';
    return resolve((braced ?? bare) as string, modifier, word ?? '', env);
  });
}

/** Applies interpolateCompose to every string (not key) of a parsed document. */
export function interpolateDeep(value: unknown, env: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return interpolateCompose(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolateDeep(item, env));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateDeep(item, env)]));
  }
  return value;
}
