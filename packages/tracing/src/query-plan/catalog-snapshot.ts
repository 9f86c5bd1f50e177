/**
 * The tables of one database and their indexes, as a fingerprint per table name: a plan made
 * under one snapshot is stale when a table it reads shows another fingerprint in a later one.
 * Keyed by the bare name, as EXPLAIN names a table without its schema: two tables of one name
 * in two schemas share a fingerprint, which can only make a plan look stale when it is not.
 */
export type CatalogSnapshot = ReadonlyMap<string, string>;

/**
 * Every table, partitioned table and materialized view outside the system and temporary
 * schemas, with each index's oid, validity and readiness (CREATE INDEX CONCURRENTLY flips
 * those two as it goes) and the table's own oid (a table dropped and made again is another
 * table). The whole database rather than the tables of one plan, so that a snapshot can be
 * read before the EXPLAIN that tells which tables the plan reads, and one read serves every
 * cached plan. Two small catalogs, one scan each.
 */
export const CATALOG_SNAPSHOT_QUERY = `SELECT c.relname AS relation,
  string_agg(c.oid::text || ':' || coalesce(i.indexrelid::text || ':' || i.indisvalid::text || ':' || i.indisready::text, 'none'), ',' ORDER BY c.oid, i.indexrelid) AS fingerprint
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_index i ON i.indrelid = c.oid
WHERE c.relkind IN ('r', 'p', 'm') AND c.relpersistence <> 't' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
GROUP BY c.relname`;

/** The snapshot in the rows of CATALOG_SNAPSHOT_QUERY. */
export function snapshotOf(rows: Array<Record<string, unknown>>): CatalogSnapshot {
  return new Map(rows.map((row) => [String(row.relation), String(row.fingerprint)]));
}

/** The fingerprint of these tables in the snapshot; a table missing from it counts as `absent`. */
export function fingerprintOf(snapshot: CatalogSnapshot, relations: readonly string[]): string {
  return relations.map((name) => `${name}=${snapshot.get(name) ?? 'absent'}`).join(';');
}

/** What a plan was made under: the tables it reads and their fingerprint (undefined when the snapshot failed). */
export interface CatalogStamp {
  readonly relations: readonly string[];
  readonly fingerprint: string | undefined;
}

/** The stamp of a plan reading these tables, made after this snapshot was read. */
export function stampOf(snapshot: CatalogSnapshot | undefined, relations: readonly string[]): CatalogStamp {
  return { relations, fingerprint: snapshot && fingerprintOf(snapshot, relations) };
}

/** True when the plan may be wrong under this later snapshot; a failed snapshot on either side counts as changed. */
export function isStale(stamp: CatalogStamp, snapshot: CatalogSnapshot | undefined): boolean {
  return stamp.fingerprint === undefined || snapshot === undefined || fingerprintOf(snapshot, stamp.relations) !== stamp.fingerprint;
}
