import { ResponseParseError } from './parse-error';

/** Receives the data of a chunked body, in place. */
export interface ChunkSink {
  onResponseBody(chunk: Buffer, start: number, end: number): void;
}

const SIZE = 0;
const EXTENSION = 1;
const SIZE_LF = 2;
const DATA = 3;
const DATA_CR = 4;
const DATA_LF = 5;
const TRAILERS = 6;
const DONE = 7;

// Far beyond any response a load test reads, and well inside exact integer range.
const MAX_CHUNK_SIZE = 2 ** 40;

/**
 * Decodes `Transfer-Encoding: chunked` one byte of framing at a time, so a size line, CRLF or
 * trailer split across reads needs no buffering; chunk data is passed through in place.
 */
export class ChunkedDecoder {
  private state = SIZE;
  private size = 0;
  private sizeDigits = 0;
  private trailerLineLength = 0;

  /** True once the last chunk and the trailers have been read. */
  get done(): boolean {
    return this.state === DONE;
  }

  /** Ready for a new body. */
  reset(): void {
    this.state = SIZE;
    this.size = 0;
    this.sizeDigits = 0;
  }

  /** Consumes bytes [start, end) up to the end of the body; returns where it stopped. Throws ResponseParseError. */
  decode(chunk: Buffer, start: number, end: number, sink: ChunkSink): number {
    let at = start;
    while (at < end && this.state !== DONE) {
      const state = this.state;
      if (state === DATA) {
        const stop = Math.min(end, at + this.size);
        sink.onResponseBody(chunk, at, stop);
        this.size -= stop - at;
        if (this.size === 0) this.state = DATA_CR;
        at = stop;
      } else if (at + 1 < end && chunk[at + 1] === 10 && chunk[at] === 13 && (state === DATA_CR || (state === TRAILERS && this.trailerLineLength === 0))) {
        // The usual CRLF after chunk data, or the empty line that ends the trailers, read whole.
        this.state = state === DATA_CR ? SIZE : DONE;
        this.size = 0;
        this.sizeDigits = 0;
        at += 2;
      } else {
        const next = state === SIZE && this.sizeDigits === 0 ? this.readSizeLine(chunk, at, end) : -1;
        if (next > 0) at = next;
        else this.readFraming(chunk[at++]);
      }
    }
    return at;
  }

  // A plain `<hex>CRLF` size line lying whole in [at, end) is read in one go; anything else
  // (extensions, a line split across reads, errors) returns -1 and goes byte by byte.
  private readSizeLine(chunk: Buffer, at: number, end: number): number {
    let size = 0;
    let i = at;
    for (; i < end && i - at < 10; i++) {
      const digit = hexValue(chunk[i]);
      if (digit < 0) break;
      size = size * 16 + digit;
    }
    if (i === at || i + 1 >= end || chunk[i] !== 13 || chunk[i + 1] !== 10) return -1;
    this.size = size;
    this.sizeDigits = i - at;
    this.trailerLineLength = 0;
    this.state = size === 0 ? TRAILERS : DATA;
    return i + 2;
  }

  private readFraming(byte: number): void {
    switch (this.state) {
      case SIZE:
        return this.readSizeByte(byte);
      case EXTENSION:
        // Chunk extensions carry nothing a load generator needs; skip to the line end.
        if (byte === 13) this.state = SIZE_LF;
        return;
      case SIZE_LF:
        return this.expect(byte, 10, this.size === 0 ? TRAILERS : DATA);
      case DATA_CR:
        return this.expect(byte, 13, DATA_LF);
      case DATA_LF:
        this.sizeDigits = 0;
        return this.expect(byte, 10, SIZE);
      default:
        return this.readTrailerByte(byte);
    }
  }

  private readSizeByte(byte: number): void {
    const digit = hexValue(byte);
    if (digit >= 0) {
      this.size = this.size * 16 + digit;
      this.sizeDigits++;
      if (this.size > MAX_CHUNK_SIZE) throw new ResponseParseError('chunk size too large');
      return;
    }
    if (this.sizeDigits === 0) throw new ResponseParseError('chunk size missing');
    if (byte === 13) this.state = SIZE_LF;
    else if (byte === 59 || byte === 32 || byte === 9) this.state = EXTENSION;
    else throw new ResponseParseError('malformed chunk size');
  }

  private readTrailerByte(byte: number): void {
    if (byte === 13) return;
    if (byte !== 10) {
      this.trailerLineLength++;
      return;
    }
    // An empty line ends the trailers, and with them the body.
    if (this.trailerLineLength === 0) this.state = DONE;
    this.trailerLineLength = 0;
  }

  private expect(byte: number, wanted: number, next: number): void {
    if (byte !== wanted) throw new ResponseParseError('malformed chunk framing');
    if (next === SIZE) this.size = 0;
    if (next === TRAILERS) this.trailerLineLength = 0;
    this.state = next;
  }
}

function hexValue(byte: number): number {
  if (byte >= 48 && byte <= 57) return byte - 48;
  const lower = byte | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}
