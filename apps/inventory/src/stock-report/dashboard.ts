import { setTimeout as delay } from 'node:timers/promises';
import type { Pool } from 'pg';
import type { FlagValues } from '@tracecart/flags';
import type { Logger } from '@tracecart/tracing';
import { runStockReport } from './report';

// How often the dashboard looks at the switch while it is off; it starts within this of problem.pool.
const SWITCH_CHECK_MS = 250;

/** What the stock dashboard needs: the switches, the two pools it can run on, and its size. */
export interface StockDashboardOptions {
  flags: () => FlagValues;
  /** Inventory's own pool, the one checkouts use: where the report runs without fix.pool. */
  sharedPool: Pool;
  /** The report's own small pool (the bulkhead): where it runs with fix.pool. */
  reportPool: Pool;
  /** Dashboards open at once; each refreshes its report, waits intervalMs, and refreshes again. */
  viewers: number;
  intervalMs: number;
  logger: Pick<Logger, 'warn'>;
}

/**
 * A stock dashboard, open while `problem.pool` is on: `viewers` dashboards each refresh the stock
 * report, pause, and refresh again. Sharing inventory's pool, the reports hold connections the
 * checkouts wait for; with `fix.pool` they run on a pool of their own and wait for each other.
 */
export class StockDashboard {
  private timer: NodeJS.Timeout | undefined;
  private readonly stopping = new AbortController();
  private viewing: Promise<void> | undefined;

  constructor(private readonly options: StockDashboardOptions) {}

  /** Starts watching the switch. */
  start(): void {
    this.timer ??= setInterval(() => this.openWhenSwitchedOn(), SWITCH_CHECK_MS);
    this.openWhenSwitchedOn();
  }

  /** Stops the schedule and waits for reports in flight, so their pool can be closed after. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await this.viewing;
  }

  private isOn(): boolean {
    return !this.stopping.signal.aborted && this.options.flags()['problem.pool'];
  }

  private openWhenSwitchedOn(): void {
    if (this.viewing || !this.isOn()) return;
    const viewers = Array.from({ length: this.options.viewers }, () => this.view());
    this.viewing = Promise.all(viewers).then(() => {
      this.viewing = undefined;
    });
  }

  // One dashboard: refreshes until the switch goes off or the service stops.
  private async view(): Promise<void> {
    const { flags, sharedPool, reportPool, intervalMs, logger } = this.options;
    while (this.isOn()) {
      try {
        await runStockReport(flags()['fix.pool'] ? reportPool : sharedPool);
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        logger.warn({ err: error }, 'stock report failed');
      }
      await delay(intervalMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    }
  }
}
