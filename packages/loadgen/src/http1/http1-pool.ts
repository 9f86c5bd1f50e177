/*
 * The generator's own HTTP/1.1 client, in place of undici. At tens of thousands of requests per
 * second on a small machine the generator's CPU per request decides how much load it can offer
 * next to the target. Measured with process CPU time per request at 12k req/s against a trivial
 * local server, the generator spent about 43 us per request through undici's Pool (34 us of it
 * user time on the main thread: dispatch, request objects, header handling, a writev per request),
 * and about 21 us with this client (12 us user; the rest is the kernel's write and read, which
 * wrk pays too). This client does only what an open-model load generator needs: request text built
 * once per request (header lines cached), one write per request, responses parsed in place from one
 * shared read buffer (status, framing headers, Content-Length, chunked and read-until-close bodies),
 * one in-flight request per connection unless pipelining is asked for, and coarse timeouts on one
 * timer.
 */
import type { RequestOutcome } from '../outcome';
import { Http1Connection } from './connection';
import type { ConnectionOwner, PendingRequest } from './connection';
import { Fifo } from './fifo';
import { openSocket } from './open-socket';
import type { Endpoint } from './open-socket';

/** Options of an Http1Pool. */
export interface Http1PoolOptions {
  /** Most connections open at once; they open lazily, when every open one is busy. */
  connections: number;
  /** Requests in flight per connection; 1 (the default) means no pipelining. */
  pipelining?: number;
  /** A request not fully answered this long after it was written fails with `request_timeout`. */
  requestTimeoutMs?: number;
  /** A connection not established this long after it was opened fails with `connect_timeout`. */
  connectTimeoutMs?: number;
  /** Idle connections are closed after this long, before a typical server's keep-alive timeout (5 s) closes them under us. */
  idleTimeoutMs?: number;
}

const CLOSED_OUTCOME: RequestOutcome = Object.freeze({ success: false, status: 'network', code: 'client_closed' });

/**
 * Keep-alive HTTP/1.1 connections to one endpoint. A request goes to an idle connection, else to
 * a new one while under the limit, else waits in a FIFO for the first connection to free up.
 * Timeouts are checked by one coarse timer rather than one timer per request.
 */
export class Http1Pool implements ConnectionOwner {
  private readonly idle: Http1Connection[] = [];
  private readonly open = new Set<Http1Connection>();
  private readonly waiting = new Fifo<PendingRequest>();
  private readonly depth: number;
  private readonly tickMs: number;
  private readonly ticks: { connect: number; request: number; idle: number };
  private tick = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private aborting = false;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly options: Http1PoolOptions,
  ) {
    this.depth = options.pipelining ?? 1;
    const requestMs = options.requestTimeoutMs ?? 300_000;
    const connectMs = options.connectTimeoutMs ?? 10_000;
    const idleMs = options.idleTimeoutMs ?? 4_000;
    // A quarter of the shortest timeout keeps each one within 25% of its value.
    this.tickMs = Math.min(1000, Math.max(5, Math.min(requestMs, connectMs, idleMs) / 4));
    const inTicks = (ms: number): number => Math.max(1, Math.ceil(ms / this.tickMs));
    this.ticks = { connect: inTicks(connectMs), request: inTicks(requestMs), idle: inTicks(idleMs) };
  }

  /** Sends a request, or fails it at once with `client_closed` after close(). */
  dispatch(request: PendingRequest): void {
    if (this.closed) return request.onOutcome(CLOSED_OUTCOME, request.tag);
    // Most recently freed first: its socket is warm, and the rest age out on the idle timeout.
    const connection = this.idle.pop() ?? this.openConnection() ?? this.pickPipelined();
    if (connection === undefined) this.waiting.push(request);
    else this.writeTo(connection, request);
  }

  /** Closes every connection and fails everything in flight or waiting; the pool stays usable. */
  abortAll(code: string): void {
    // Taken first, so closing connections does not hand waiting requests fresh ones.
    const waiting = this.waiting.drain();
    this.aborting = true;
    try {
      for (const connection of [...this.open]) connection.destroy(code);
    } finally {
      this.aborting = false;
    }
    const outcome: RequestOutcome = Object.freeze({ success: false, status: 'network', code });
    for (const request of waiting) request.onOutcome(outcome, request.tag);
  }

  /** abortAll, then refuse further requests and stop the timer. */
  close(): void {
    this.closed = true;
    this.abortAll('client_closed');
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  onConnectionFree(connection: Http1Connection): void {
    const next = this.waiting.shift();
    if (next !== undefined) return this.writeTo(connection, next);
    if (connection.load === 0) {
      connection.idleSinceTick = this.tick;
      this.idle.push(connection);
    }
  }

  onConnectionClosed(connection: Http1Connection): void {
    this.open.delete(connection);
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
    // Requests waiting for a connection get a fresh one; each fails on its own if the target is gone.
    const next = this.closed || this.aborting ? undefined : this.waiting.peek();
    if (next === undefined) return;
    const replacement = this.openConnection();
    if (replacement) this.writeTo(replacement, this.waiting.shift() ?? next);
  }

  private writeTo(connection: Http1Connection, request: PendingRequest): void {
    connection.write(request, this.tick);
  }

  private openConnection(): Http1Connection | undefined {
    if (this.open.size >= this.options.connections) return undefined;
    const connection = new Http1Connection(this, this.tick);
    this.open.add(connection);
    openSocket(this.endpoint, connection);
    this.timer ??= setInterval(() => this.onTick(), this.tickMs).unref();
    return connection;
  }

  private pickPipelined(): Http1Connection | undefined {
    if (this.depth === 1) return undefined;
    let best: Http1Connection | undefined;
    for (const connection of this.open) {
      if (connection.load < this.depth && (best === undefined || connection.load < best.load)) best = connection;
    }
    return best;
  }

  private onTick(): void {
    this.tick++;
    for (const connection of [...this.open]) connection.checkTimeouts(this.tick, this.ticks.connect, this.ticks.request);
    while (this.idle.length > 0 && this.tick - this.idle[0].idleSinceTick >= this.ticks.idle) this.idle[0].destroy('idle_timeout');
    if (this.open.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
