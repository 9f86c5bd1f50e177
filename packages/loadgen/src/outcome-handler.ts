import type { Dispatcher } from 'undici';
import { outcomeOfError } from './error-outcome';
import { SUCCESS, readErrorCode } from './outcome';
import type { RequestOutcome } from './outcome';
import type { SendListener } from './send-listener';

// Error bodies are read only to find `error.code`; anything longer is not a JSON error envelope.
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * undici's callbacks for one request, turned into exactly one outcome for the listener. Only a
 * non-success body is kept, to read its error code. Once finished (also by the sender's abortAll),
 * whatever undici reports later for the request is ignored. An outcome that arrives before
 * release() (undici refusing the request inside dispatch) is held until then.
 */
export class OutcomeHandler implements Dispatcher.DispatchHandler {
  private finished = false;
  private dispatched = false;
  private holding = true;
  private held: RequestOutcome | null = null;
  private status = 0;
  private errorBody: Buffer[] | null = null;
  private errorBodyBytes = 0;

  constructor(
    private readonly listener: SendListener,
    private readonly tag: number,
    private readonly live: Set<OutcomeHandler>,
  ) {}

  /** undici is about to write the request to a connection. */
  onRequestStart(): void {
    // undici may call this again when it retries a request; the first write is when it left.
    if (this.dispatched || this.finished) return;
    this.dispatched = true;
    this.listener.onDispatch(this.tag);
  }

  /** A response head arrived (again for each 1xx; the last one decides). */
  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
    this.errorBody = this.listener.isSuccess(statusCode) ? null : [];
    this.errorBodyBytes = 0;
  }

  /** A piece of the response body. */
  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.errorBody === null || this.errorBodyBytes > MAX_ERROR_BODY_BYTES) return;
    // Copied: the chunk may be a view on a buffer undici goes on using.
    this.errorBody.push(Buffer.from(chunk));
    this.errorBodyBytes += chunk.length;
  }

  /** The response is complete. */
  onResponseEnd(): void {
    this.finish(this.errorBody === null ? SUCCESS : this.readFailure());
  }

  /** The request failed before or while its response arrived. */
  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.finish(outcomeOfError(error));
  }

  /** Whether the request has an outcome, reported or held. */
  get settled(): boolean {
    return this.finished;
  }

  /** Reports `outcome` (or holds it until release) unless the request already has one. */
  finish(outcome: RequestOutcome): void {
    if (this.finished) return;
    this.finished = true;
    this.errorBody = null;
    this.live.delete(this);
    if (this.holding) this.held = outcome;
    else this.listener.onOutcome(outcome, this.tag);
  }

  /** Stops holding: reports a held outcome now, and any later one when it comes. */
  release(): void {
    this.holding = false;
    if (this.held !== null) this.listener.onOutcome(this.held, this.tag);
    this.held = null;
  }

  private readFailure(): RequestOutcome {
    const text = Buffer.concat(this.errorBody ?? []).toString('utf8');
    return { success: false, status: String(this.status), code: readErrorCode(text, this.status) };
  }
}
