import type { Dispatcher } from 'undici';
import { SUCCESS, readErrorCode, readNetworkCode } from './outcome';
import type { RequestOutcome } from './outcome';

// Error bodies are read only to find `error.code`; anything longer is not a JSON error envelope.
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Receives one response straight from undici's dispatcher: no body stream and no promise per
 * request. A success body is discarded as it arrives; an error body is kept to read its code.
 *
 * It implements undici's original handler callbacks (onConnect/onHeaders/onData/onComplete/onError),
 * which undici 7 still runs internally and its own request() uses; the newer onResponse* callbacks
 * are adapted onto these per request, with headers parsed into an object we never read, and cost
 * about 15% more CPU per request here. If undici drops them, switch to onResponseStart/Data/End/Error.
 */
export class ResponseHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private errorBody: Buffer[] | null = null;
  private errorBodyBytes = 0;

  constructor(
    private readonly isSuccess: (status: number) => boolean,
    private readonly onOutcome: (outcome: RequestOutcome) => void,
  ) {}

  onConnect(): void {
    // Nothing to set up per request; undici requires the callback.
  }

  onHeaders(statusCode: number): boolean {
    this.status = statusCode;
    this.errorBody = this.isSuccess(statusCode) ? null : [];
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.errorBody !== null && this.errorBodyBytes <= MAX_ERROR_BODY_BYTES) {
      this.errorBody.push(chunk);
      this.errorBodyBytes += chunk.length;
    }
    return true;
  }

  onComplete(): void {
    if (this.errorBody === null) return this.onOutcome(SUCCESS);
    const code = readErrorCode(Buffer.concat(this.errorBody).toString('utf8'), this.status);
    this.onOutcome({ success: false, status: String(this.status), code });
  }

  onError(error: Error): void {
    this.onOutcome({ success: false, status: 'network', code: readNetworkCode(error) });
  }
}
