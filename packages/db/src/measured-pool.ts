import { Pool, type PoolClient, type PoolConfig } from 'pg';

/** Hears the two halves of every checkout of a MeasuredPool, in seconds. */
export interface CheckoutListener {
  /** A connect() call ended after waiting this long: with a connection, or with an error (a timeout). */
  waited(seconds: number): void;
  /** A connection was released after being held this long. */
  used(seconds: number): void;
}

type Release = (err?: Error | boolean) => void;
type ConnectCallback = (err: Error | undefined, client: PoolClient | undefined, done: Release) => void;

const secondsSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * A pg Pool that times each checkout: the wait for a connection, then its use until release.
 * Together they are the time a request spends in the pool, the W of Little's Law (L = λ × W),
 * which pg's own counts (total, idle, waiting) cannot give.
 */
export class MeasuredPool extends Pool {
  // Not `listeners`: that is EventEmitter's own method.
  private readonly checkoutListeners: CheckoutListener[] = [];

  constructor(
    config: PoolConfig,
    /** The pool's name on its metrics: its application_name. */
    readonly name: string,
  ) {
    super(config);
  }

  /** Tells the listener about every checkout from now on. */
  onCheckout(listener: CheckoutListener): void {
    this.checkoutListeners.push(listener);
  }

  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  // pg-pool's own query() checks out with this.connect(callback), so overriding connect sees
  // every checkout; the promise form is built on the callback one so both are timed alike.
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    if (!callback) {
      return new Promise((resolve, reject) => this.connect((err, client) => (client ? resolve(client) : reject(err))));
    }
    const started = process.hrtime.bigint();
    super.connect((err, client, done) => {
      // A caller that timed out waited too: leaving it out would hide the worst waits.
      const waited = secondsSince(started);
      for (const listener of this.checkoutListeners) listener.waited(waited);
      if (!client) return callback(err, client, done);
      callback(err, client, this.timeRelease(client));
    });
  }

  // pg-pool gives the client a new release function at every checkout; wrapping that one times
  // this checkout's use, however the caller releases (client.release() or the callback's done).
  private timeRelease(client: PoolClient): Release {
    const acquired = process.hrtime.bigint();
    const release: Release = client.release;
    const timedRelease: Release = (err) => {
      // Read before release(), which may hand the connection to a waiter at once: the use ends
      // before the next wait does. pg-pool throws on a second release, so that one is not counted.
      const used = secondsSince(acquired);
      release(err);
      for (const listener of this.checkoutListeners) listener.used(used);
    };
    client.release = timedRelease;
    return timedRelease;
  }
}
