import { shortenStatement } from './normalize-statement';

/** What a group or call is called in one-line reports: its statement, the HTTP target, or the operation. */
export function labelOf(what: { operation: string; statement: string | undefined; target?: string | undefined }): string {
  if (what.statement !== undefined) return shortenStatement(what.statement);
  if (what.target !== undefined) return `calls ${what.target}`;
  return what.operation;
}

/**
 * What the verdict line calls the culprit: a database span named the semantic-conventions way
 * (`UPDATE products`, the statement's own operation and table) is shorter and as exact as its
 * statement; any other name (`SQL SELECT`, `pg.query:SELECT db`) says less than the statement.
 */
export function lineLabelOf(what: { operation: string; statement: string | undefined; target?: string | undefined }): string {
  const { operation, statement } = what;
  if (statement !== undefined && /^[A-Z]+ [\w.]+$/.test(operation) && statement.toUpperCase().startsWith(`${operation.split(' ')[0]} `)) return operation;
  return labelOf(what);
}
