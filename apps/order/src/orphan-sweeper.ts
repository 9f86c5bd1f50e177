import type { Pool } from 'pg';
import type { HeldReservationCursor } from '@tracecart/contracts';
import type { InventoryClient } from '@tracecart/inventory-client';
import { runOutsideTrace, type Logger } from '@tracecart/tracing';
import { OrderRepo } from './order-repo';

// Listing and releasing are off the checkout path, and giving stock back scans the catalog
// when fix.index is off: a generous budget, not the checkout's.
const CALL_TIMEOUT_MS = 30_000;
const DEFAULT_PAGE_SIZE = 200;

/** Tuning of the sweep; the defaults suit the service. */
export interface SweeperOptions {
  /** Held reservations asked for per call. */
  pageSize?: number;
}

/**
 * Releases stock held for orders that will never commit: an order process that died between
 * the reservation and its commit leaves the reservation 'held' with no order. A checkout
 * cannot commit after its deadline, so a held reservation older than twice the longest
 * checkout with no order row is abandoned for sure.
 *
 * Inventory owns reservations and order owns orders: the sweep pages through inventory's old
 * held reservations, keeps those with no order here, and asks inventory to release them.
 * Inventory re-checks status and age under a row lock, so a reservation is released once at
 * most, and never while it is younger than the age (its order may still commit).
 */
export class OrphanSweeper {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly orders: OrderRepo;
  private readonly pageSize: number;
  // Held reservations of committed orders stay held, so each sweep starts near where the last
  // one ended instead of paging through all of them again.
  private resumeAfter: HeldReservationCursor | undefined;

  constructor(
    pool: Pool,
    private readonly inventory: InventoryClient,
    private readonly logger: Logger,
    private readonly abandonedAfterMs: number,
    options: SweeperOptions = {},
  ) {
    this.orders = new OrderRepo(pool);
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  /**
   * Finds and releases abandoned reservations once; returns the order ids released. Outside any
   * trace: a poll every 30 s would bury the checkouts, so only a release shows, as inventory's own trace.
   */
  sweepOnce(): Promise<string[]> {
    return runOutsideTrace(() => this.sweepPages());
  }

  private async sweepPages(): Promise<string[]> {
    const released: string[] = [];
    let after = this.resumeAfter;
    let newest: string | undefined;
    for (;;) {
      const page = await this.inventory.listHeldReservations(
        { olderThanMs: this.abandonedAfterMs, after, limit: this.pageSize },
        CALL_TIMEOUT_MS,
      );
      released.push(...(await this.releaseOrderless(page.reservations.map((r) => r.orderId))));
      newest = page.reservations.at(-1)?.createdAt ?? newest;
      if (!page.next) break;
      after = page.next;
    }
    if (newest) this.resumeAfter = { afterCreatedAt: this.rewind(newest) };
    return released;
  }

  // A reservation is stamped when its transaction begins and seen when it commits, so one
  // stamped a little before the newest seen may appear later: the next sweep looks back by
  // the age once more. Only a reservation whose own transaction outlived that is left to the
  // full look a restart of this service takes.
  private rewind(createdAt: string): string {
    return new Date(Date.parse(createdAt) - this.abandonedAfterMs).toISOString();
  }

  private async releaseOrderless(orderIds: string[]): Promise<string[]> {
    if (orderIds.length === 0) return [];
    const ordered = await this.orders.findExistingOrderIds(orderIds);
    const orphans = orderIds.filter((id) => !ordered.has(id));
    if (orphans.length === 0) return [];
    const { released } = await this.inventory.releaseAbandoned(orphans, this.abandonedAfterMs, CALL_TIMEOUT_MS);
    if (released.length > 0) this.logger.warn({ orderIds: released }, 'released abandoned reservations');
    return released;
  }

  /** Sweeps now and then every periodMs until stop(). */
  start(periodMs: number): void {
    const run = () => {
      this.sweepOnce()
        .catch((error: Error) => this.logger.warn({ err: error }, 'sweeping abandoned reservations failed; will retry'))
        .finally(() => {
          // A sweep in flight when stop() was called must not schedule another.
          if (this.stopped) return;
          this.timer = setTimeout(run, periodMs);
          this.timer.unref();
        });
    };
    run();
  }

  /** Stops the periodic sweep. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
