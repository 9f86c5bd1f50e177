import { diag } from '@opentelemetry/api';
import { CATALOG_SNAPSHOT_QUERY, snapshotOf, type CatalogSnapshot } from './catalog-snapshot';
import { CoalescedReads } from './coalesced-reads';
import { connectionKey, type PlanConnection, type SidePools } from './side-pools';

/**
 * Catalog snapshots per database, read on a side pool and coalesced: whoever needs one read
 * after a moment of theirs shares the latest read that began after it. A failed read answers
 * undefined, which every cached plan takes for "changed".
 */
export class CatalogWatch {
  private readonly reads = new Map<string, CoalescedReads<CatalogSnapshot | undefined>>();

  constructor(private readonly pools: SidePools) {}

  /** A snapshot of this connection's database read after `since` (a `performance.now()` moment). */
  snapshotAfter(connection: PlanConnection, since: number): Promise<CatalogSnapshot | undefined> {
    return this.readsFor(connection).after(since);
  }

  /** Such a snapshot if one has already answered; reads nothing. */
  answeredAfter(connection: PlanConnection, since: number): { readonly value: CatalogSnapshot | undefined } | undefined {
    return this.reads.get(connectionKey(connection))?.answeredAfter(since);
  }

  private readsFor(connection: PlanConnection): CoalescedReads<CatalogSnapshot | undefined> {
    const key = connectionKey(connection);
    let reads = this.reads.get(key);
    if (!reads) {
      reads = new CoalescedReads(() => this.read(connection));
      this.reads.set(key, reads);
    }
    return reads;
  }

  private async read(connection: PlanConnection): Promise<CatalogSnapshot | undefined> {
    try {
      return snapshotOf(await this.pools.query(connection, CATALOG_SNAPSHOT_QUERY));
    } catch (error) {
      diag.debug('catalog snapshot failed', error);
      return undefined;
    }
  }
}
