import type { RequestOutcome } from './outcome';

/**
 * What a sender reports about each request. One listener serves a whole run and the requests are
 * told apart by the tag they were sent with, so no closure is made per request.
 */
export interface SendListener {
  /** Whether a response status counts as success; only failures' bodies are read, for their error code. */
  isSuccess(status: number): boolean;
  /** The request is being written to a connection; never called for requests that did not reach one. */
  onDispatch(tag: number): void;
  /** How the request ended; called exactly once per request, also for network errors and refused requests. */
  onOutcome(outcome: RequestOutcome, tag: number): void;
}
