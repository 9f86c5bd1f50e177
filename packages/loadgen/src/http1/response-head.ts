/** What the generator needs from a response head. */
export interface ResponseHead {
  status: number;
  /** -1 when the head has no Content-Length. */
  contentLength: number;
  chunked: boolean;
  keepAlive: boolean;
}

/** scanResponseHead found no blank line yet. */
export const HEAD_INCOMPLETE = -1;
/** scanResponseHead found something that is not an HTTP/1.x response head. */
export const HEAD_MALFORMED = -2;

// Lower-case header names, compared byte by byte so that ordinary headers cost no string.
const CONTENT_LENGTH = Buffer.from('content-length');
const TRANSFER_ENCODING = Buffer.from('transfer-encoding');
const CONNECTION = Buffer.from('connection');
const KEEP_ALIVE = Buffer.from('keep-alive');
const CHUNKED = Buffer.from('chunked');
const HTTP_1 = Buffer.from('HTTP/1.');

/**
 * Reads a response head from bytes [start, end) line by line into `result`. Returns the index just
 * past the blank line that ends the head, HEAD_INCOMPLETE when the head goes on past `end`, or
 * HEAD_MALFORMED. Only the framing headers are read; other lines are skipped unexamined.
 */
export function scanResponseHead(head: Buffer, start: number, end: number, result: ResponseHead): number {
  let lineStart = start;
  for (;;) {
    // The native search is several times faster than a byte loop here; a hit past `end` is stale.
    const lf = head.indexOf(10, lineStart);
    if (lf < 0 || lf >= end) return HEAD_INCOMPLETE;
    if (lf === lineStart || head[lf - 1] !== 13) return HEAD_MALFORMED;
    const lineEnd = lf - 1;
    if (lineStart === start) {
      if (!readStatusLine(head, start, lineEnd, result)) return HEAD_MALFORMED;
    } else if (lineEnd === lineStart) {
      return lf + 1;
    } else if (!readHeader(head, lineStart, lineEnd, result)) {
      return HEAD_MALFORMED;
    }
    lineStart = lf + 1;
  }
}

function readStatusLine(head: Buffer, start: number, end: number, result: ResponseHead): boolean {
  if (end - start < 12 || !matchesAt(head, start, HTTP_1, false) || head[start + 8] !== 32) return false;
  const minor = head[start + 7];
  if (minor !== 48 && minor !== 49) return false;
  let status = 0;
  for (let i = start + 9; i < start + 12; i++) {
    const digit = head[i] - 48;
    if (digit < 0 || digit > 9) return false;
    status = status * 10 + digit;
  }
  if (start + 12 < end && head[start + 12] !== 32) return false;
  result.status = status;
  result.contentLength = -1;
  result.chunked = false;
  // HTTP/1.0 closes after each response unless it says otherwise; 1.1 keeps the connection.
  result.keepAlive = minor === 49;
  return true;
}

/** Applies one `name: value` line [start, end) to the result; false when a framing header is malformed. */
function readHeader(head: Buffer, start: number, end: number, result: ResponseHead): boolean {
  // A framing header is recognised by its first letter and a colon right after its name (no
  // whitespace may precede the colon), so the usual Date or Content-Type line costs two reads.
  const first = head[start] | 0x20;
  if (first === 99 && isNamed(head, start, end, CONNECTION)) {
    const valueStart = skipSpaces(head, start + CONNECTION.length + 1, end);
    readConnection(head, valueStart, trimEnd(head, valueStart, end), result);
  } else if (first === 99 && isNamed(head, start, end, CONTENT_LENGTH)) {
    const valueStart = skipSpaces(head, start + CONTENT_LENGTH.length + 1, end);
    return readContentLength(head, valueStart, trimEnd(head, valueStart, end), result);
  } else if (first === 116 && isNamed(head, start, end, TRANSFER_ENCODING)) {
    const valueStart = skipSpaces(head, start + TRANSFER_ENCODING.length + 1, end);
    readTransferEncoding(head, valueStart, trimEnd(head, valueStart, end), result);
  }
  return true;
}

function isNamed(head: Buffer, start: number, end: number, name: Buffer): boolean {
  return start + name.length < end && head[start + name.length] === 58 && matchesAt(head, start, name, true);
}

function skipSpaces(head: Buffer, start: number, end: number): number {
  let at = start;
  while (at < end && (head[at] === 32 || head[at] === 9)) at++;
  return at;
}

function trimEnd(head: Buffer, start: number, end: number): number {
  let at = end;
  while (at > start && (head[at - 1] === 32 || head[at - 1] === 9)) at--;
  return at;
}

function readContentLength(head: Buffer, start: number, end: number, result: ResponseHead): boolean {
  if (start === end || end - start > 15) return false;
  let length = 0;
  for (let i = start; i < end; i++) {
    const digit = head[i] - 48;
    if (digit < 0 || digit > 9) return false;
    length = length * 10 + digit;
  }
  // Two different lengths make the framing ambiguous (a response-splitting sign), so refuse it.
  if (result.contentLength >= 0 && result.contentLength !== length) return false;
  result.contentLength = length;
  return true;
}

function readTransferEncoding(head: Buffer, start: number, end: number, result: ResponseHead): void {
  if (end - start === CHUNKED.length && matchesAt(head, start, CHUNKED, true)) {
    result.chunked = true;
    return;
  }
  // Only a final `chunked` coding frames the body; any other coding reads until close.
  const codings = head.toString('latin1', start, end).toLowerCase().split(',');
  result.chunked = codings[codings.length - 1].trim() === 'chunked';
}

function readConnection(head: Buffer, start: number, end: number, result: ResponseHead): void {
  if (end - start === KEEP_ALIVE.length && matchesAt(head, start, KEEP_ALIVE, true)) {
    result.keepAlive = true;
    return;
  }
  const tokens = head.toString('latin1', start, end).toLowerCase().split(',').map((t) => t.trim());
  if (tokens.includes('close')) result.keepAlive = false;
  else if (tokens.includes('keep-alive')) result.keepAlive = true;
}

// With `foldCase`, ORing 0x20 lower-cases ASCII letters and leaves '-' (0x2d) as it is.
function matchesAt(head: Buffer, at: number, expected: Buffer, foldCase: boolean): boolean {
  for (let i = 0; i < expected.length; i++) {
    const byte = foldCase ? head[at + i] | 0x20 : head[at + i];
    if (byte !== expected[i]) return false;
  }
  return true;
}
