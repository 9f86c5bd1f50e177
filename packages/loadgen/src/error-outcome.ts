import { errors } from 'undici';
import { readNetworkCode } from './outcome';
import type { RequestOutcome } from './outcome';

// undici's codes under the names the lab's reports already use, so `errorsByCode` reads the same
// in old and new reports. Anything else (ECONNREFUSED, ECONNRESET, a TLS code) passes through.
const NETWORK_CODES: Readonly<Record<string, string>> = {
  UND_ERR_SOCKET: 'socket_closed',
  UND_ERR_HEADERS_TIMEOUT: 'request_timeout',
  UND_ERR_BODY_TIMEOUT: 'request_timeout',
  UND_ERR_CONNECT_TIMEOUT: 'connect_timeout',
  UND_ERR_CLOSED: 'client_closed',
  UND_ERR_DESTROYED: 'client_closed',
  UND_ERR_ABORTED: 'aborted',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'invalid_response',
};

// undici refuses these requests itself (a header value with CR/LF, a path with a space, a framing
// header the factory may not set): the factory's fault, not the network's.
const CLIENT_CODES: ReadonlySet<string> = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH']);

const INVALID_REQUEST: RequestOutcome = Object.freeze({ success: false, status: 'client', code: 'invalid_request' });
const INVALID_RESPONSE: RequestOutcome = Object.freeze({ success: false, status: 'network', code: 'invalid_response' });

/** The outcome of a request undici failed: `client` / `invalid_request` for a refused request, else `network` with a stable code. */
export function outcomeOfError(error: unknown): RequestOutcome {
  // A parse error's code is not always set; what went wrong in the bytes matters little to a load report.
  if (error instanceof errors.HTTPParserError) return INVALID_RESPONSE;
  const code = readNetworkCode(error);
  if (CLIENT_CODES.has(code)) return INVALID_REQUEST;
  return { success: false, status: 'network', code: NETWORK_CODES[code] ?? code };
}
