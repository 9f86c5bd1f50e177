// SQLSTATEs that say the server cannot serve right now, not that the statement was wrong:
// admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down),
// too_many_connections; and class 08, connection exceptions.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_EXCEPTION_CLASS = /^08[0-9A-Z]{3}$/;

// Socket errors on the way to the server.
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

// What pg and pg-pool say when the connection is gone or could not be made in time; they carry no code.
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // "... unexpectedly", "... due to connection timeout"
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
];

interface CodedError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function matchesItself(error: CodedError): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (UNAVAILABLE_SQLSTATES.has(code) || CONNECTION_EXCEPTION_CLASS.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * True when an error means "the database cannot be reached or cannot serve now" (a restart, a
 * refused or reset connection, a connect timeout, too many connections), so a request that hit
 * it should be answered 503 rather than 500. Looks through `cause` and AggregateError members.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const coded = error as CodedError;
  if (matchesItself(coded)) return true;
  const nested = [coded.cause, ...(Array.isArray(coded.errors) ? coded.errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
