import { Client, type Pool } from 'pg';
import { DEFAULT_FLAGS } from './definitions';
import { readFlagSnapshot, type FlagSnapshot } from './flag-snapshot';

/** How a watcher reaches the flags and how often it re-reads without being told. */
export interface FlagWatcherOptions {
  pool: Pool;
  databaseUrl: string;
  /** First wait before reconnecting (and re-reading) while the LISTEN connection is down. */
  pollMs?: number;
  /** Longest wait between reconnect attempts: the wait doubles from pollMs after each failure. */
  maxBackoffMs?: number;
  /** Re-read period while LISTEN works: a safety net for a lost notification. */
  refreshMs?: number;
  /** application_name of the LISTEN connection, so pg_stat_activity shows whose it is. */
  applicationName?: string;
  onError?: (error: Error) => void;
}

const INITIAL: FlagSnapshot = { flags: { ...DEFAULT_FLAGS }, pending: {}, index: 'absent' };

/**
 * Keeps a live snapshot of the switches for one service: LISTEN on 'lab_flags' triggers a
 * re-read. When that connection breaks (a database restart) it reconnects with backoff,
 * polling meanwhile, and re-reads once it listens again, so a change it missed is picked up.
 */
export class FlagWatcher {
  private snapshot: FlagSnapshot = INITIAL;
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private ticking = false;
  private failedConnects = 0;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private readonly listeners = new Set<(snapshot: FlagSnapshot) => void>();

  constructor(private readonly options: FlagWatcherOptions) {}

  /** Reads the switches once (rejects when the database does not answer), then keeps watching. */
  async start(): Promise<void> {
    this.snapshot = await readFlagSnapshot(this.options.pool);
    await this.connect();
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

  /** Whether the LISTEN connection is up (otherwise the watcher polls and reconnects). */
  isListening(): boolean {
    return this.listener !== undefined;
  }

  /** Stops watching and closes the LISTEN connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(this.report);
  }

  /**
   * Re-reads now; a failed read keeps the last snapshot. One read at a time: a refresh asked for
   * while one runs makes it read once more when it ends. Two reads in flight could end out of
   * order, and a read begun before a change would then overwrite the read its notification began.
   */
  refresh(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = this.readUntilCurrent().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readUntilCurrent(): Promise<void> {
    do {
      this.readAgain = false;
      try {
        this.snapshot = await readFlagSnapshot(this.options.pool);
        for (const callback of this.listeners) callback(this.snapshot);
      } catch (error) {
        this.report(error as Error);
      }
    } while (this.readAgain && !this.stopped);
  }

  private readonly report = (error: Error): void => {
    this.options.onError?.(error);
  };

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      connectionTimeoutMillis: 2000,
      application_name: this.options.applicationName ?? 'tracecart-flag-watcher',
    });
    client.on('notification', () => void this.refresh());
    // Without this listener a server restart would crash the process.
    client.on('error', (error) => this.lost(client, error));
    try {
      await client.connect();
      await client.query('LISTEN lab_flags');
    } catch (error) {
      this.failedConnects++;
      this.report(error as Error);
      await client.end().catch(this.report);
      return;
    }
    if (this.stopped) {
      await client.end().catch(this.report);
      return;
    }
    this.listener = client;
    this.failedConnects = 0;
    // A change made while no connection was listening would otherwise go unseen.
    await this.refresh();
  }

  private lost(client: Client, error: Error): void {
    this.report(error);
    if (this.listener !== client) return;
    this.listener = undefined;
    void client.end().catch(this.report);
    // Reconnect after pollMs rather than at the next (much later) safety-net refresh.
    if (!this.ticking) this.schedule();
  }

  private delayMs(): number {
    if (this.listener) return this.options.refreshMs ?? 10_000;
    const first = this.options.pollMs ?? 1000;
    return Math.min(first * 2 ** this.failedConnects, Math.max(first, this.options.maxBackoffMs ?? 8000));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.delayMs());
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    try {
      if (this.listener) await this.refresh();
      else await this.connect();
      // Polling while LISTEN is down keeps the switches current if only LISTEN fails.
      if (!this.listener) await this.refresh();
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }
}
