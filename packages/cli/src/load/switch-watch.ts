import { changedSettings } from '@tracecart/loadgen';

/** What the watch saw: the switches at the end (null when unreadable) and every switch seen changed. */
export interface WatchResult {
  atEnd: Record<string, string> | null;
  seenChanged: string[];
}

/**
 * Reads the switches every interval while a load runs, so a switch flipped and flipped back
 * mid-run is still reported; the reads stop with the run.
 */
export class SwitchWatch {
  private readonly seen = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private inFlight: Promise<Record<string, string> | null> | null = null;
  private warned = false;

  constructor(
    private readonly start: Record<string, string>,
    private readonly read: () => Promise<Record<string, string>>,
    intervalMs = 1000,
  ) {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Stops the reads and takes the last one. */
  async stop(): Promise<WatchResult> {
    clearInterval(this.timer);
    await this.inFlight;
    const atEnd = await this.sample();
    return { atEnd, seenChanged: [...this.seen].sort() };
  }

  // One read at a time: a slow console must not pile up requests.
  private async tick(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = this.sample();
    await this.inFlight;
    this.inFlight = null;
  }

  private async sample(): Promise<Record<string, string> | null> {
    try {
      const now = await this.read();
      for (const name of changedSettings(this.start, now)) this.seen.add(name);
      return now;
    } catch (error) {
      // A console that stops answering mid-run leaves the end state unknown; the report keeps the start.
      if (!this.warned) process.stderr.write(`lab: could not read the switches (${(error as Error).message})\n`);
      this.warned = true;
      return null;
    }
  }
}
