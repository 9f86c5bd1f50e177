import type { ErrorRequestHandler, RequestHandler } from 'express';
import { currentTraceId, recordSpanError, type Logger } from '@tracecart/tracing';
import { HttpError, type ErrorBody } from './http-error';
import { isDatabaseUnavailable } from './database-unavailable';

// body-parser marks its errors with a `type`; these two are the client's fault.
interface BodyParserError {
  type?: string;
  status?: number;
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', 'request body is not valid JSON');
  if (parserError?.type === 'entity.too.large') return new HttpError(413, 'payload_too_large', 'request body is larger than allowed');
  if (parserError?.type === 'encoding.unsupported' || parserError?.type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported_media_type', 'request body encoding is not supported');
  }
  // A database restart or outage is the dependency's state, not a bug here: the caller may retry.
  if (isDatabaseUnavailable(error)) {
    const reason = String((error as Error).message || (error as { code?: string }).code || 'no connection').split('\n')[0];
    return new HttpError(503, 'dependency_unavailable', `the database is unavailable: ${reason}`);
  }
  return new HttpError(500, 'internal_error', 'internal error');
}

/** Sends any thrown error as the JSON error contract; unexpected ones are logged and hidden. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) {
      recordSpanError(error);
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    }
    const body: ErrorBody = { error: { code: httpError.code, message: httpError.message, traceId: currentTraceId() } };
    if (res.headersSent) return;
    res.status(httpError.status).json(body);
  };
}

/** The last route: anything unmatched is 404 not_found in the error contract. */
export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
}
