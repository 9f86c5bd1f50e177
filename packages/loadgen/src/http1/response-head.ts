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
 * Reads a response head from bytes [start, end) in one pass, line by line, into `result`.
 * Returns the index just past the blank line that ends the head, HEAD_INCOMPLETE when the head
 * goes on past `end`, or HEAD_MALFORMED. Only the framing headers are looked at.
 */
export function scanResponseHead(head: Buffer, start: number, end: number, result: ResponseHead): number {
  let lineStart = start;
  for (let i = start; i < end; i++) {
    if (head[i] !== 10) continue;
    if (i === lineStart || head[i - 1] !== 13) return HEAD_MALFORMED;
    const lineEnd = i - 1;
    if (lineStart === start) {
      if (!readStatusLine(head, start, lineEnd, result)) return HEAD_MALFORMED;
    } else if (lineEnd === lineStart) {
      return i + 1;
    } else if (!readHeader(head, lineStart, lineEnd, result)) {
      return HEAD_MALFORMED;
    }
    lineStart = i + 1;
  }
  return HEAD_INCOMPLETE;
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

/** Applies one `name: value` line [start, end) to the result; false when the line is malformed. */
function readHeader(head: Buffer, start: number, end: number, result: ResponseHead): boolean {
  let colon = start;
  while (colon < end && head[colon] !== 58) colon++;
  if (colon === start || colon === end) return false;
  const nameLength = colon - start;
  // Only names that could be a framing header are trimmed and compared.
  if (nameLength !== CONTENT_LENGTH.length && nameLength !== CONNECTION.length && nameLength !== TRANSFER_ENCODING.length) return true;
  let valueStart = colon + 1;
  while (valueStart < end && (head[valueStart] === 32 || head[valueStart] === 9)) valueStart++;
  let valueEnd = end;
  while (valueEnd > valueStart && (head[valueEnd - 1] === 32 || head[valueEnd - 1] === 9)) valueEnd--;
  if (nameLength === CONTENT_LENGTH.length && matchesAt(head, start, CONTENT_LENGTH, true)) {
    return readContentLength(head, valueStart, valueEnd, result);
  }
  if (nameLength === CONNECTION.length && matchesAt(head, start, CONNECTION, true)) {
    readConnection(head, valueStart, valueEnd, result);
  } else if (nameLength === TRANSFER_ENCODING.length && matchesAt(head, start, TRANSFER_ENCODING, true)) {
    readTransferEncoding(head, valueStart, valueEnd, result);
  }
  return true;
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
