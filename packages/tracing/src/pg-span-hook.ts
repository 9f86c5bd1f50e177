import type { Span } from '@opentelemetry/api';
import { dbCollectionName, dbOperationName, dbSpanName } from './db-span-name';

/** What the pg instrumentation hands a request hook: the statement and the connection. */
interface PgQueryInfo {
  query: { text: string };
  connection: { database?: string };
}

/**
 * The pg instrumentation's request hook: adds `db.operation.name` and `db.collection.name` and
 * renames the span `{operation} {collection}` (`SELECT products`), as the stable database
 * conventions name it, so a waterfall says which table each query touched.
 */
export function nameQuerySpan(span: Span, info: PgQueryInfo): void {
  const operation = dbOperationName(info.query.text);
  const collection = dbCollectionName(info.query.text);
  if (operation) span.setAttribute('db.operation.name', operation);
  if (collection) span.setAttribute('db.collection.name', collection);
  span.updateName(dbSpanName(operation, collection, info.connection.database));
}
