import { shortenStatement } from './normalize-statement';

/** What a group or call is called in one-line reports: its statement, the HTTP target, or the operation. */
export function labelOf(what: { operation: string; statement: string | undefined; target?: string | undefined }): string {
  if (what.statement !== undefined) return shortenStatement(what.statement);
  if (what.target !== undefined) return `calls ${what.target}`;
  return what.operation;
}
