/** What the generator needs from a response head. */
export interface ResponseHead {
  status: number;
  /** -1 when the head has no Content-Length. */
  contentLength: number;
  chunked: boolean;
  keepAlive: boolean;
}

// Lower-case header names, compared byte by byte so that ordinary headers cost no string.
const CONTENT_LENGTH = Buffer.from('content-length');
const TRANSFER_ENCODING = Buffer.from('transfer-encoding');
const CONNECTION = Buffer.from('connection');
const KEEP_ALIVE = Buffer.from('keep-alive');
const CHUNKED = Buffer.from('chunked');
const HTTP_1 = Buffer.from('HTTP/1.');

/**
 * Reads the status line and the framing headers of a complete head: bytes [start, stop) of `head`,
 * ending with the blank line. Returns null when it is not an HTTP/1.x response head.
 */
export function readResponseHead(head: Buffer, start: number, stop: number): ResponseHead | null {
  if (stop - start < 16 || !matchesAt(head, start, HTTP_1, false) || head[start + 8] !== 32) return null;
  const minor = head[start + 7];
  const status = readStatus(head, start + 9);
  if ((minor !== 48 && minor !== 49) || status < 0) return null;
  // HTTP/1.0 closes after each response unless it says otherwise; 1.1 keeps the connection.
  const result: ResponseHead = { status, contentLength: -1, chunked: false, keepAlive: minor === 49 };
  let line = head.indexOf(10, start) + 1;
  while (line > 0 && line < stop - 2) {
    const lineEnd = head.indexOf(13, line);
    if (lineEnd < 0 || lineEnd >= stop || head[lineEnd + 1] !== 10 || !readHeader(head, line, lineEnd, result)) return null;
    line = lineEnd + 2;
  }
  return result;
}

function readStatus(head: Buffer, at: number): number {
  let status = 0;
  for (let i = at; i < at + 3; i++) {
    const digit = head[i] - 48;
    if (digit < 0 || digit > 9) return -1;
    status = status * 10 + digit;
  }
  const after = head[at + 3];
  return after === 32 || after === 13 ? status : -1;
}

/** Applies one `name: value` line [start, end) to the result; false when the line is malformed. */
function readHeader(head: Buffer, start: number, end: number, result: ResponseHead): boolean {
  const colon = head.indexOf(58, start);
  if (colon <= start || colon >= end) return false;
  const nameLength = colon - start;
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
