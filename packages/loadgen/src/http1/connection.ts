import type { Socket } from 'node:net';
import { SUCCESS, readErrorCode, readNetworkCode } from '../outcome';
import type { RequestOutcome } from '../outcome';
import { Fifo } from './fifo';
import { ResponseParseError } from './parse-error';
import { ResponseParser } from './response-parser';
import type { ResponseSink } from './response-parser';

/** One request queued on, or written to, a connection. */
export interface PendingRequest {
  /** The serialized request, written as UTF-8. */
  readonly bytes: string;
  readonly isSuccess: (status: number) => boolean;
  /** Called exactly once; `tag` is handed back so callers need no closure per request. */
  readonly onOutcome: (outcome: RequestOutcome, tag: number) => void;
  readonly tag: number;
  /** The pool's clock tick when the request was written, for the request timeout. */
  sentTick: number;
}

/** What a connection tells its pool. */
export interface ConnectionOwner {
  /** A response completed and the connection can take another request. */
  onConnectionFree(connection: Http1Connection): void;
  /** The connection is gone; called once, before its in-flight requests are failed. */
  onConnectionClosed(connection: Http1Connection): void;
}

// Error bodies are read only to find `error.code`; anything longer is not a JSON error envelope.
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * One keep-alive HTTP/1.1 connection with a FIFO of in-flight requests: responses arrive in
 * request order, so each one completes the request at the front. A framing error, a socket error
 * or the peer closing fails every request still in flight with a `network` outcome.
 */
export class Http1Connection implements ResponseSink {
  /** Set once the connection is unusable. */
  closed = false;
  /** The pool's tick when the connection last became idle. */
  idleSinceTick = 0;
  private readonly inFlight = new Fifo<PendingRequest>();
  private readonly parser = new ResponseParser(this);
  private socket: Socket | null = null;
  private connected = false;
  private failure: string | null = null;
  private status = 0;
  private errorBody: Buffer[] | null = null;
  private errorBodyBytes = 0;

  constructor(
    private readonly owner: ConnectionOwner,
    /** The pool's tick when the connection was opened, for the connect timeout. */
    readonly openedTick: number,
  ) {}

  /** Requests written and not yet answered. */
  get load(): number {
    return this.inFlight.length;
  }

  /** Takes ownership of the socket; `connectEvent` is `connect`, or `secureConnect` for TLS. */
  attach(socket: Socket, connectEvent: string): void {
    this.socket = socket;
    socket.once(connectEvent, () => (this.connected = true));
    socket.on('error', (error: Error) => (this.failure ??= readNetworkCode(error)));
    socket.on('end', () => this.onPeerClosed());
    socket.on('close', () => this.onPeerClosed());
  }

  /** Writes a request; its outcome arrives through the request's onOutcome. */
  write(request: PendingRequest, tick: number): void {
    request.sentTick = tick;
    this.inFlight.push(request);
    // Writes made while connecting are queued by the socket; errors arrive as an 'error' event.
    this.socket?.write(request.bytes, 'utf8');
  }

  /** Feeds bytes [0, length) read from the socket; `chunk` is reused after the call. */
  receive(chunk: Buffer, length: number): boolean {
    if (this.closed) return true;
    try {
      this.parser.execute(chunk, 0, length);
    } catch (error) {
      if (!(error instanceof ResponseParseError)) throw error;
      this.destroy(error.code);
    }
    return true;
  }

  /** Fails the connection if it has taken too long to connect or to answer its oldest request. */
  checkTimeouts(tick: number, connectTicks: number, requestTicks: number): void {
    if (!this.connected && tick - this.openedTick >= connectTicks) return this.destroy('connect_timeout');
    const oldest = this.inFlight.peek();
    if (oldest !== undefined && tick - oldest.sentTick >= requestTicks) this.destroy('request_timeout');
  }

  /** Closes the socket and fails every in-flight request with `code`. */
  destroy(code: string): void {
    if (this.closed) return;
    this.closed = true;
    this.parser.close();
    this.socket?.destroy();
    this.owner.onConnectionClosed(this);
    const outcome: RequestOutcome = Object.freeze({ success: false, status: 'network', code });
    for (let request = this.inFlight.shift(); request !== undefined; request = this.inFlight.shift()) {
      request.onOutcome(outcome, request.tag);
    }
  }

  onResponseHead(status: number): void {
    const request = this.inFlight.peek();
    if (request === undefined) throw new ResponseParseError('response without a request');
    this.status = status;
    this.errorBody = request.isSuccess(status) ? null : [];
    this.errorBodyBytes = 0;
  }

  onResponseBody(chunk: Buffer, start: number, end: number): void {
    if (this.errorBody === null || this.errorBodyBytes > MAX_ERROR_BODY_BYTES) return;
    // The read buffer is reused, so an error body we keep must be copied out of it.
    this.errorBody.push(Buffer.from(chunk.subarray(start, end)));
    this.errorBodyBytes += end - start;
  }

  onResponseEnd(keepAlive: boolean): void {
    const request = this.inFlight.shift();
    if (request === undefined) return;
    const outcome = this.errorBody === null ? SUCCESS : this.readFailure();
    this.errorBody = null;
    // Free (or close) the connection before reporting, so a request sent from the callback can use it.
    if (!keepAlive) this.destroy('socket_closed');
    else this.owner.onConnectionFree(this);
    request.onOutcome(outcome, request.tag);
  }

  private readFailure(): RequestOutcome {
    const text = Buffer.concat(this.errorBody ?? []).toString('utf8');
    return { success: false, status: String(this.status), code: readErrorCode(text, this.status) };
  }

  // Both 'end' and 'close' land here: a read-until-close body ends with the peer's FIN; anything
  // else in flight then was cut off.
  private onPeerClosed(): void {
    if (this.closed) return;
    if (this.failure === null && this.parser.finishAtEof()) return;
    this.destroy(this.failure ?? 'socket_closed');
  }
}
