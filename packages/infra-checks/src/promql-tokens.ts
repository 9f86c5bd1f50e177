/** One label matcher of a selector, e.g. route="/api/checkout" is {name: 'route', op: '=', value: '/api/checkout'}. */
export interface LabelMatcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** A PromQL token, as coarse as the reference checks need. */
export type PromqlToken =
  | { kind: 'ident'; text: string }
  | { kind: 'matchers'; matchers: LabelMatcher[] }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'other'; text: string };

const IDENT = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
// Durations (5m, 1h30m), hex and decimal numbers; what follows a number is never a metric name.
const NUMBER = /^(?:(?:\d+(?:ms|[smhdwy]))+|0x[0-9a-fA-F]+|\d*\.?\d+(?:[eE][+-]?\d+)?)/;
const GRAFANA_VARIABLE = /^\$(?:\{[^}]*\}|\w+)/;
const MATCHER = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)\s*$/;

/** Index just past the string literal that starts at `start` (its quote character). */
export function skipString(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === '\\' && quote !== '`' ? 2 : 1;
  if (i >= text.length) throw new Error(`unterminated string in: ${text}`);
  return i + 1;
}

/** Index just past the `close` that balances the opener at `start`, stepping over strings. */
function skipBlock(text: string, start: number, close: string): number {
  for (let i = start + 1; i < text.length; ) {
    if (text[i] === close) return i + 1;
    i = '"\'`'.includes(text[i]) ? skipString(text, i) : i + 1;
  }
  throw new Error(`unbalanced "${text[start]}" in: ${text}`);
}

/** Splits the inside of {...} at top-level commas and reads each matcher. Throws on one it cannot read. */
export function parseMatchers(inner: string): LabelMatcher[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < inner.length; ) {
    if ('"\'`'.includes(inner[i])) { i = skipString(inner, i); continue; }
    if (inner[i] === ',') { parts.push(inner.slice(from, i)); from = i + 1; }
    i += 1;
  }
  parts.push(inner.slice(from));
  return parts.filter((part) => part.trim() !== '').map((part) => {
    const match = MATCHER.exec(part);
    if (!match) throw new Error(`cannot read label matcher "${part.trim()}"`);
    return { name: match[1], op: match[2] as LabelMatcher['op'], value: match[3].slice(1, -1) };
  });
}

function readToken(expr: string, i: number): [PromqlToken | undefined, number] {
  const rest = expr.slice(i);
  const c = expr[i];
  if (/\s/.test(c)) return [undefined, i + 1];
  if (c === '#') { const end = expr.indexOf('\n', i); return [undefined, end === -1 ? expr.length : end]; }
  if ('"\'`'.includes(c)) { const end = skipString(expr, i); return [{ kind: 'other', text: expr.slice(i, end) }, end]; }
  if (c === '{') { const end = skipBlock(expr, i, '}'); return [{ kind: 'matchers', matchers: parseMatchers(expr.slice(i + 1, end - 1)) }, end]; }
  if (c === '[') { const end = skipBlock(expr, i, ']'); return [{ kind: 'other', text: expr.slice(i, end) }, end]; }
  if (c === '(') return [{ kind: 'open' }, i + 1];
  if (c === ')') return [{ kind: 'close' }, i + 1];
  const variable = GRAFANA_VARIABLE.exec(rest) ?? NUMBER.exec(rest);
  if (variable) return [{ kind: 'other', text: variable[0] }, i + variable[0].length];
  const ident = IDENT.exec(rest);
  if (ident) return [{ kind: 'ident', text: ident[0] }, i + ident[0].length];
  return [{ kind: 'other', text: c }, i + 1];
}

/** Splits a PromQL expression (Grafana variables allowed) into tokens. Throws on unbalanced brackets or strings. */
export function tokenizePromql(expr: string): PromqlToken[] {
  const tokens: PromqlToken[] = [];
  for (let i = 0; i < expr.length; ) {
    const [token, next] = readToken(expr, i);
    if (token) tokens.push(token);
    i = next;
  }
  return tokens;
}
