import { ChunkedDecoder } from './chunked-decoder';
import { ResponseParseError } from './parse-error';
import { HEAD_INCOMPLETE, HEAD_MALFORMED, scanResponseHead } from './response-head';
import type { ResponseHead } from './response-head';

/** Where a parsed response goes; the connection implements it. */
export interface ResponseSink {
  /** The final (non-1xx) status line and headers of the response at the front of the queue. */
  onResponseHead(status: number): void;
  /** Body bytes [start, end) of `chunk`; the chunk is reused after the call, so keep a copy. */
  onResponseBody(chunk: Buffer, start: number, end: number): void;
  /** The response is complete; `keepAlive` false means the connection must not be reused. */
  onResponseEnd(keepAlive: boolean): void;
}

// Heads larger than this are refused rather than buffered without bound.
const MAX_HEAD_BYTES = 64 * 1024;

const HEAD = 0;
const BODY_LENGTH = 1;
const BODY_CHUNKED = 2;
const BODY_UNTIL_CLOSE = 3;
const CLOSED = 4;

/**
 * An incremental HTTP/1.x response parser: status line, headers, then a Content-Length, chunked
 * or read-until-close body. Bytes may arrive split anywhere; only a head split across reads is
 * copied, bodies are handed to the sink in place.
 */
export class ResponseParser {
  private state = HEAD;
  private partialHead: Buffer | null = null;
  private remaining = 0;
  private keepAlive = true;
  private readonly chunked = new ChunkedDecoder();
  // Filled in place for every head: one object per connection, not one per response.
  private readonly head: ResponseHead = { status: 0, contentLength: -1, chunked: false, keepAlive: true };

  constructor(private readonly sink: ResponseSink) {}

  /** True between responses, when no bytes of a response have been seen. */
  get idle(): boolean {
    return this.state === HEAD && this.partialHead === null;
  }

  /** Parses bytes [start, end) of `chunk`; throws ResponseParseError on a malformed response. */
  execute(chunk: Buffer, start: number, end: number): void {
    let at = start;
    while (at < end) {
      const state = this.state;
      if (state === HEAD) at = this.readHead(chunk, at, end);
      else if (state === BODY_LENGTH) at = this.readSizedBody(chunk, at, end);
      else if (state === BODY_CHUNKED) at = this.readChunkedBody(chunk, at, end);
      else if (state === BODY_UNTIL_CLOSE) at = this.passBody(chunk, at, end);
      else return;
    }
  }

  /** The peer closed its side: ends a read-until-close body; true when that completed a response. */
  finishAtEof(): boolean {
    if (this.state !== BODY_UNTIL_CLOSE) return false;
    this.endResponse();
    return true;
  }

  /** Stops parsing for good; later bytes are ignored. */
  close(): void {
    this.state = CLOSED;
    this.partialHead = null;
  }

  private readHead(chunk: Buffer, start: number, end: number): number {
    const carried = this.partialHead;
    if (carried === null) {
      const stop = scanResponseHead(chunk, start, end, this.head);
      if (stop === HEAD_INCOMPLETE) return this.keepPartialHead(Buffer.from(chunk.subarray(start, end)), end);
      this.startBody(stop);
      return stop;
    }
    // A head split across reads: join the pieces and scan again from the start.
    const joined = Buffer.concat([carried, chunk.subarray(start, end)]);
    const stop = scanResponseHead(joined, 0, joined.length, this.head);
    if (stop === HEAD_INCOMPLETE) return this.keepPartialHead(joined, end);
    this.partialHead = null;
    this.startBody(stop);
    return start + (stop - carried.length);
  }

  private keepPartialHead(head: Buffer, end: number): number {
    if (head.length > MAX_HEAD_BYTES) throw new ResponseParseError(`response head over ${MAX_HEAD_BYTES} bytes`);
    this.partialHead = head;
    return end;
  }

  private startBody(stop: number): void {
    if (stop === HEAD_MALFORMED) throw new ResponseParseError('malformed response head');
    const parsed = this.head;
    // Interim responses (100 Continue, 103 Early Hints) precede the real one; 101 would switch protocols.
    if (parsed.status < 200) {
      if (parsed.status === 101) throw new ResponseParseError('unexpected protocol switch');
      return;
    }
    this.sink.onResponseHead(parsed.status);
    this.keepAlive = parsed.keepAlive;
    if (parsed.status === 204 || parsed.status === 304) return this.endResponse();
    if (parsed.chunked) {
      this.chunked.reset();
      this.state = BODY_CHUNKED;
    } else if (parsed.contentLength >= 0) {
      this.remaining = parsed.contentLength;
      if (this.remaining === 0) return this.endResponse();
      this.state = BODY_LENGTH;
    } else {
      this.keepAlive = false;
      this.state = BODY_UNTIL_CLOSE;
    }
  }

  private readSizedBody(chunk: Buffer, start: number, end: number): number {
    const stop = Math.min(end, start + this.remaining);
    this.sink.onResponseBody(chunk, start, stop);
    this.remaining -= stop - start;
    if (this.remaining === 0 && this.state === BODY_LENGTH) this.endResponse();
    return stop;
  }

  private readChunkedBody(chunk: Buffer, start: number, end: number): number {
    const at = this.chunked.decode(chunk, start, end, this.sink);
    if (this.chunked.done && this.state === BODY_CHUNKED) this.endResponse();
    return at;
  }

  private passBody(chunk: Buffer, start: number, end: number): number {
    this.sink.onResponseBody(chunk, start, end);
    return end;
  }

  private endResponse(): void {
    this.state = this.keepAlive ? HEAD : CLOSED;
    this.sink.onResponseEnd(this.keepAlive);
  }
}
