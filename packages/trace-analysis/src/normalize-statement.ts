// Normalizes SQL so that calls differing only in literals group together. Every pattern is
// linear (no nested quantifiers) and input is capped, so hostile text cannot stall the analysis.
const MAX_LENGTH = 4096;
const COMMENTS = /--[^\n]*|\/\*[\s\S]*?\*\//g;
const STRINGS = /'(?:[^']|'')*'/g;
const NUMBERS = /(?<![\w$.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w.])/gi;
const WHITESPACE = /\s+/g;
const PAREN_SPACE = /\(\s+|\s+\)|\s+,/g;
const COMMA_SPACE = /,(?=\S)/g;
const IN_LIST = /\b(IN) \((?:\?|\$\d+)(?:, (?:\?|\$\d+))+\)/gi;
const ANY_ARRAY = /\b(ANY) ?\(ARRAY\[[^\]]*\]\)/gi;
const ANY_SPACE = /\b(ANY) \(/gi;
const VALUES_ROWS = /\bVALUES (\([^()]*\))(?:, \([^()]*\))+/gi;
const TRAILING = /;\s*$/;
const SELECT_LIST = /^(SELECT) ([^()]*?) (FROM) /i;
// Cheap tests that let most statements skip most passes.
const HAS_DIGIT = /\d/;
const TIGHT_COMMA = /,\S/;
const HAS_LIST = /\b(?:IN|ANY|VALUES)\b/i;

function tidyParen(match: string): string {
  return match.trim();
}

function collapseLists(sql: string): string {
  return sql.replace(IN_LIST, '$1 (?)').replace(ANY_ARRAY, '$1(?)').replace(ANY_SPACE, '$1(').replace(VALUES_ROWS, 'VALUES $1');
}

/**
 * `SELECT … WHERE code = 'A-1' AND n IN (1, 2)` → `SELECT … WHERE code = ? AND n IN (?)`:
 * strings and numbers become `?`, IN/ANY lists collapse, whitespace folds; `$1` placeholders stay.
 */
export function normalizeStatement(sql: string): string {
  let s = sql.length > MAX_LENGTH ? sql.slice(0, MAX_LENGTH) : sql;
  if (s.includes('--') || s.includes('/*')) s = s.replace(COMMENTS, ' ');
  if (s.includes("'")) s = s.replace(STRINGS, '?');
  if (HAS_DIGIT.test(s)) s = s.replace(NUMBERS, '?');
  s = s.replace(WHITESPACE, ' ');
  if (s.includes('( ') || s.includes(' )') || s.includes(' ,')) s = s.replace(PAREN_SPACE, tidyParen);
  if (TIGHT_COMMA.test(s)) s = s.replace(COMMA_SPACE, ', ');
  if (HAS_LIST.test(s)) s = collapseLists(s);
  return s.replace(TRAILING, '').trim();
}

/** A statement short enough for one line: a multi-column select list becomes `…`. */
export function shortenStatement(statement: string, maxLength = 100): string {
  const short = statement.replace(SELECT_LIST, (whole, select: string, list: string, from: string) =>
    list.includes(', ') ? `${select} … ${from} ` : whole,
  );
  return short.length > maxLength ? `${short.slice(0, maxLength - 1)}…` : short;
}
