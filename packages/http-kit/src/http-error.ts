/** An error that maps to one HTTP status and one snake_case code of the error contract. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON body every tracecart app sends with an error status. */
export interface ErrorBody {
  error: { code: string; message: string; traceId?: string };
}

/** True when a value has the shape of an ErrorBody. */
export function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}
