import type { Pool } from 'pg';
import { readWantedFlags, announceFlagChange } from './flag-repo';
import { createSkuIndex, dropSkuIndex, readIndexState } from './index-switch';

/**
 * Brings the sku index in line with the wanted fix.index value. Runs are queued one after
 * another, so a quick on/off/on never has two DDL statements racing; each run reads the wanted
 * value afresh, so queued runs collapse to the latest wish. Services are notified when it is done.
 */
export class IndexReconciler {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Queues a reconcile; resolves when it has run (errors go to onError, never reject). */
  reconcile(): Promise<void> {
    this.queue = this.queue.then(() => this.runOnce().catch((error: Error) => this.onError(error)));
    return this.queue;
  }

  private async runOnce(): Promise<void> {
    const wanted = (await readWantedFlags(this.pool))['fix.index'];
    const state = await readIndexState(this.pool);
    if (wanted && state !== 'ready') await createSkuIndex(this.pool);
    else if (!wanted && state !== 'absent') await dropSkuIndex(this.pool);
    else return;
    await announceFlagChange(this.pool, 'fix.index');
  }
}
