import type { ConnectionOptions } from 'node:tls';
import { Pool } from 'undici';
import { withSyntheticBaggage } from './baggage';
import type { RequestOutcome } from './outcome';
import { OutcomeHandler } from './outcome-handler';
import type { SendListener } from './send-listener';
import type { LoadRequest } from './types';
import { warmUp } from './warm-up';

/** Sends requests over keep-alive connections to one origin. */
export interface HttpSender {
  /** Sends one request; the listener hears of its dispatch and, exactly once, of its outcome, with `tag`. */
  send(request: LoadRequest, listener: SendListener, tag: number): void;
  /** Sends `count` GETs to `path`, `concurrency` at a time, ignoring their outcome, within `timeoutMs` in all, to open sockets and warm the code paths. */
  warmUp(path: string, count: number, concurrency: number, timeoutMs: number): Promise<void>;
  /** Fails every in-flight or queued request at once with a `network` / `aborted` outcome; the sender stays usable. */
  abortAll(): Promise<void>;
  /** Fails what is in flight with `client_closed`, closes the connections and refuses further requests. */
  close(): Promise<void>;
}

/** Connection settings of a sender beyond the origin. */
export interface SenderOptions {
  /** Most connections open at once; they open lazily, when every open one is busy. */
  connections: number;
  /** A request with no complete response head (or no body data) this long after it was written fails with `request_timeout`. */
  requestTimeoutMs?: number;
  /** A connection not established this long after it was opened fails its requests with `connect_timeout`. */
  connectTimeoutMs?: number;
  /** Idle connections close after this long, before a typical server's keep-alive timeout (5 s) closes them under us. */
  idleTimeoutMs?: number;
  /** Extra TLS options for https targets (a test's self-signed CA, for instance). */
  tls?: ConnectionOptions;
}

const CLOSED: RequestOutcome = Object.freeze({ success: false, status: 'network', code: 'client_closed' });
const ABORTED: RequestOutcome = Object.freeze({ success: false, status: 'network', code: 'aborted' });

/** A sender on an undici Pool: one request per connection, up to `options.connections` connections. */
export function createHttpSender(origin: string, options: SenderOptions): HttpSender {
  return new PoolSender(origin, options);
}

class PoolSender implements HttpSender {
  // Handlers of requests without an outcome yet, so abortAll can answer them without waiting for undici.
  private readonly live = new Set<OutcomeHandler>();
  // Pools set aside after refusing a request; each closes once the requests it holds are done.
  private readonly retired = new Set<Pool>();
  private pool: Pool;
  private closed = false;

  constructor(
    private readonly origin: string,
    private readonly options: SenderOptions,
  ) {
    this.pool = createPool(origin, options);
  }

  send(request: LoadRequest, listener: SendListener, tag: number): void {
    if (this.closed) return listener.onOutcome(CLOSED, tag);
    const handler = new OutcomeHandler(listener, tag, this.live);
    this.live.add(handler);
    this.pool.dispatch({ method: request.method, path: request.path, headers: withSyntheticBaggage(request.headers), body: request.body ?? null }, handler);
    // undici refuses a request it cannot write (a header value with CR/LF, a path with a space)
    // within dispatch, through the handler; its Pool then counts the connection slot it picked as
    // busy for good, so after `connections` refusals nothing would leave. The next request gets a
    // fresh pool, before the refusal is reported (a listener may send again from it).
    if (handler.settled) this.retire();
    handler.release();
  }

  warmUp(path: string, count: number, concurrency: number, timeoutMs: number): Promise<void> {
    return warmUp(this, path, count, concurrency, timeoutMs);
  }

  abortAll(): Promise<void> {
    return this.failAll(ABORTED);
  }

  close(): Promise<void> {
    this.closed = true;
    return this.failAll(CLOSED);
  }

  private retire(): void {
    const old = this.pool;
    this.pool = createPool(this.origin, this.options);
    this.retired.add(old);
    // close() fails only when failAll destroyed the pool first; either way it is gone.
    const forget = (): boolean => this.retired.delete(old);
    void old.close().then(forget, forget);
  }

  // A fresh pool takes new requests at once; the old ones are torn down, and what they report for
  // the requests answered here is ignored by their handlers.
  private async failAll(outcome: RequestOutcome): Promise<void> {
    const old = [this.pool, ...this.retired];
    this.retired.clear();
    if (!this.closed) this.pool = createPool(this.origin, this.options);
    for (const handler of [...this.live]) handler.finish(outcome);
    await Promise.all(old.map((pool) => pool.destroy()));
  }
}

function createPool(origin: string, options: SenderOptions): Pool {
  const requestTimeoutMs = options.requestTimeoutMs ?? 300_000;
  return new Pool(origin, {
    connections: options.connections,
    // One request per connection: a slow response then holds up no other request's measurement.
    pipelining: 1,
    headersTimeout: requestTimeoutMs,
    bodyTimeout: requestTimeoutMs,
    keepAliveTimeout: options.idleTimeoutMs ?? 4_000,
    connect: { ...options.tls, timeout: options.connectTimeoutMs ?? 10_000 },
  });
}
