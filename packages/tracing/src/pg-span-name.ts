/**
 * `pg.query:<OPERATION> <database>`: the statement's first word in capitals, the naming
 * @opentelemetry/instrumentation-pg used, so saved searches and the console keep working.
 * Runs for every query: a character scan, no regular expression.
 */
export function pgSpanName(text: string, database: string | undefined): string {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  let end = start;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  const operation = text.slice(start, end).toUpperCase();
  const name = operation === '' ? 'pg.query' : `pg.query:${operation}`;
  return database ? `${name} ${database}` : name;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

// Letters only: "SELECT(1)", "COMMIT;" and "WITH\n" all end their operation where the word ends.
function isWordChar(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}
