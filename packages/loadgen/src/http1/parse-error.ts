/** A response that breaks HTTP/1.1 framing; the connection cannot be trusted afterwards. */
export class ResponseParseError extends Error {
  /** The outcome code requests failed by this error carry. */
  readonly code = 'invalid_response';
}
