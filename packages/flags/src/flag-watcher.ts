import { Client, type Pool } from 'pg';
import { DEFAULT_FLAGS } from './definitions';
import { readFlagSnapshot, type FlagSnapshot } from './flag-snapshot';

/** How a watcher reaches the flags and how often it re-reads without being told. */
export interface FlagWatcherOptions {
  pool: Pool;
  databaseUrl: string;
  /** Re-read period while the LISTEN connection is down (the fallback). */
  pollMs?: number;
  /** Re-read period while LISTEN works: a safety net for a lost notification. */
  refreshMs?: number;
  onError?: (error: Error) => void;
}

const INITIAL: FlagSnapshot = { flags: { ...DEFAULT_FLAGS }, pending: {}, index: 'absent' };

/**
 * Keeps a live snapshot of the switches for one service: LISTEN on 'lab_flags' triggers a
 * re-read; while that connection is down it polls instead, and reconnects.
 */
export class FlagWatcher {
  private snapshot: FlagSnapshot = INITIAL;
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly listeners = new Set<(snapshot: FlagSnapshot) => void>();

  constructor(private readonly options: FlagWatcherOptions) {}

  /** Reads the switches once (rejects when the database does not answer), then keeps watching. */
  async start(): Promise<void> {
    this.snapshot = await readFlagSnapshot(this.options.pool);
    await this.listen();
    this.schedule();
  }

  /** The switches as of the last read; cheap, for every request. */
  current(): FlagSnapshot {
    return this.snapshot;
  }

  /** Calls back after every re-read. */
  onChange(callback: (snapshot: FlagSnapshot) => void): void {
    this.listeners.add(callback);
  }

  /** Stops watching and closes the LISTEN connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.listener?.end().catch((error: Error) => this.options.onError?.(error));
    this.listener = undefined;
  }

  /** Re-reads now; a failed read keeps the last snapshot. */
  async refresh(): Promise<void> {
    try {
      this.snapshot = await readFlagSnapshot(this.options.pool);
      for (const callback of this.listeners) callback(this.snapshot);
    } catch (error) {
      this.options.onError?.(error as Error);
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl, connectionTimeoutMillis: 2000 });
    client.on('notification', () => void this.refresh());
    client.on('error', (error) => {
      this.options.onError?.(error);
      if (this.listener === client) this.listener = undefined;
    });
    try {
      await client.connect();
      await client.query('LISTEN lab_flags');
      this.listener = client;
      // A change made while no connection was listening would otherwise go unseen.
      await this.refresh();
    } catch (error) {
      this.options.onError?.(error as Error);
      await client.end().catch((endError: Error) => this.options.onError?.(endError));
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    const period = this.listener ? (this.options.refreshMs ?? 10_000) : (this.options.pollMs ?? 1000);
    this.timer = setTimeout(async () => {
      if (!this.listener) await this.listen();
      if (!this.listener) await this.refresh();
      this.schedule();
    }, period);
    this.timer.unref();
  }
}
