import type { Pool } from 'pg';
import type { Logger } from '@tracecart/tracing';
import type { InventoryClient } from './clients/inventory-client';

/**
 * Releases stock held for orders that will never commit: an order process that died between
 * the reservation and its commit leaves the reservation 'held' with no order. A checkout
 * cannot commit after its deadline, so a held reservation older than twice the longest
 * checkout with no order row is abandoned for sure.
 */
export class OrphanSweeper {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly inventory: InventoryClient,
    private readonly logger: Logger,
    private readonly abandonedAfterMs: number,
  ) {}

  /** Finds and releases abandoned reservations once; returns the order ids released. */
  async sweepOnce(): Promise<string[]> {
    const { rows } = await this.pool.query<{ order_id: string }>(
      `SELECT r.order_id FROM reservations r
       WHERE r.status = 'held' AND r.created_at < now() - make_interval(secs => $1::double precision / 1000)
         AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = r.order_id)
       ORDER BY r.created_at LIMIT 100`,
      [this.abandonedAfterMs],
    );
    const released: string[] = [];
    for (const { order_id: orderId } of rows) {
      try {
        await this.inventory.release(orderId);
        released.push(orderId);
      } catch (error) {
        this.logger.warn({ err: error, orderId }, 'releasing an abandoned reservation failed; will retry');
      }
    }
    if (released.length > 0) this.logger.warn({ orderIds: released }, 'released abandoned reservations');
    return released;
  }

  /** Sweeps now and then every periodMs until stop(). */
  start(periodMs: number): void {
    const run = () => {
      this.sweepOnce()
        .catch((error: Error) => this.logger.warn({ err: error }, 'sweeping abandoned reservations failed'))
        .finally(() => {
          this.timer = setTimeout(run, periodMs);
          this.timer.unref();
        });
    };
    run();
  }

  /** Stops the periodic sweep. */
  stop(): void {
    clearTimeout(this.timer);
  }
}
