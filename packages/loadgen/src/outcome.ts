/** How one request ended. `status` is the HTTP status, or `network`, `timeout`, `not_sent`, `client`. */
export interface RequestOutcome {
  success: boolean;
  status: string;
  /** The JSON error code (`{"error":{"code"}}`), a network error code, or `http_<status>`. */
  code?: string;
}

/** The outcome every successful request shares. */
export const SUCCESS: RequestOutcome = Object.freeze({ success: true, status: 'ok' });

/** The failure recorded for a request still in flight when the grace period ran out. */
export const TIMED_OUT: RequestOutcome = Object.freeze({ success: false, status: 'timeout', code: 'timeout' });

/** The failure recorded for a request the schedule wanted but that never left before the grace period ran out. */
export const NOT_SENT: RequestOutcome = Object.freeze({ success: false, status: 'not_sent', code: 'not_sent' });

/** Reads `error.code` from a `{"error":{"code":...}}` body; `http_<status>` when the body is anything else. */
export function readErrorCode(bodyText: string, status: number): string {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    const error = (parsed as { error?: { code?: unknown } } | null)?.error;
    if (typeof error?.code === 'string' && error.code.length > 0) return error.code;
  } catch {
    // Not JSON (an HTML error page, a proxy's text): fall through to the status-based code.
  }
  return `http_${status}`;
}

/** A stable code for a thrown network error: its `code` (ECONNREFUSED, UND_ERR_SOCKET) or `network_error`. */
export function readNetworkCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length > 0 ? code : 'network_error';
}
