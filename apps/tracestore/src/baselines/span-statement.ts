import type { DecodedKeyValue } from '@tracecart/otlp';
import { normalizeStatementCached } from '@tracecart/trace-analysis';

// The current semantic-conventions key first, then the one older instrumentations still send.
const STATEMENT_KEYS = ['db.query.text', 'db.statement'];

/** A DB span's normalized statement, or undefined for a span that carries none. */
export function statementOf(attributes: readonly DecodedKeyValue[]): string | undefined {
  for (const key of STATEMENT_KEYS) {
    const text = attributes.find((kv) => kv.key === key)?.value.stringValue;
    // The same few texts arrive on most DB spans: the memo keeps ingest from normalizing each again.
    if (text) return normalizeStatementCached(text);
  }
  return undefined;
}
