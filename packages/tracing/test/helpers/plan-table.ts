import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { ReceivedSpan } from '@tracecart/testkit';

type OtlpEvent = NonNullable<ReceivedSpan['span']['events']>[number];
/** An OTLP attribute value, the shapes these tests read. */
export type OtlpValue = { stringValue?: string; boolValue?: boolean; intValue?: number | string; arrayValue?: { values?: OtlpValue[] } };

/** A connection to the machine's Postgres, as the fixture's pool connects. */
export const admin = () =>
  new Client({ host: process.env.PGHOST ?? '127.0.0.1', port: Number(process.env.PGPORT ?? '5432'), user: process.env.PGUSER ?? 'postgres', database: 'postgres' });

/** A fresh table name for this test file's PLAN_TABLE. */
export const planTableName = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;

/** Makes the table (2000 rows, no index) before the file's tests and drops it after them. */
export function usePlanTable(table: string): void {
  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE TABLE ${table} (sku text NOT NULL, note text)`);
    await client.query(`INSERT INTO ${table} SELECT 'sku-' || g, 'n' FROM generate_series(1, 2000) g`);
    await client.query(`ANALYZE ${table}`);
    await client.end();
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  });
}

/** One attribute of an OTLP event. */
export const attribute = (event: OtlpEvent, key: string) => (event.attributes ?? []).find((a) => a.key === key)?.value as OtlpValue | undefined;

/** The spans of this statement text, in the order they started. */
export const statements = (spans: ReceivedSpan[], text: string) =>
  spans.filter((s) => s.attributes['db.query.text'] === text).sort((a, b) => Number(BigInt(a.span.startTimeUnixNano!) - BigInt(b.span.startTimeUnixNano!)));
