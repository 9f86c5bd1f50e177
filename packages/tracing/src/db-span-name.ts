// Stable database semantic conventions name a query span `{db.operation.name} {target}`, the
// target being db.collection.name when the statement has one (`SELECT products`), else the
// namespace (`COMMIT tracecart`). The pg instrumentation itself names it `pg.query:SELECT
// tracecart`; these helpers derive the parts from the statement text. They run for every
// query, so one regular expression finds the first table rather than a SQL parser: the first
// table a statement reads or writes is what a person looks for in a waterfall.

/** The statement's first keyword in capitals (`SELECT`, `UPDATE`, `COMMIT`), or undefined. */
export function dbOperationName(text: string): string | undefined {
  const word = /^\s*([A-Za-z]+)/.exec(text);
  return word ? word[1].toUpperCase() : undefined;
}

// The table follows FROM (SELECT, DELETE), INTO (INSERT) or the verb itself (UPDATE); a
// quoted or schema-qualified name is kept as written, without quotes.
const COLLECTION = /\b(?:from|into|update|join)\s+((?:"[^"]+"|[A-Za-z_][\w$]*)(?:\.(?:"[^"]+"|[A-Za-z_][\w$]*))?)/i;

/** The first table the statement names (`products` in `SELECT … FROM products WHERE …`). */
export function dbCollectionName(text: string): string | undefined {
  const match = COLLECTION.exec(text);
  return match ? match[1].replace(/"/g, '') : undefined;
}

/** `{operation} {collection or namespace}`, as the stable database conventions name a span. */
export function dbSpanName(operation: string | undefined, collection: string | undefined, namespace: string | undefined): string {
  const target = collection ?? namespace;
  if (!operation) return target ? `postgresql ${target}` : 'postgresql';
  return target ? `${operation} ${target}` : operation;
}
