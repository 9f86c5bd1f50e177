import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '@tracecart/tracing';

/** Jaeger's message when a search or lookup finds nothing. */
export const NO_TRACES_FOUND = 'No traces found';

/** An /api/v3 error, answered in Jaeger's own shape rather than the tracecart error contract. */
export class JaegerApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'JaegerApiError';
  }
}

/** The 400 Jaeger answers for a parameter it cannot parse, worded like Jaeger's. */
export function malformedParameter(name: string, error: unknown): JaegerApiError {
  const why = error instanceof Error ? error.message : String(error);
  return new JaegerApiError(400, `malformed parameter ${name}: ${why}`);
}

/**
 * Writes an error the way Jaeger's gateway does (Go's http.Error): plain-text content type,
 * a GRPCGatewayError JSON body and a trailing newline. Clients written against the stand-in
 * then also work against Jaeger, which does not label these bodies as JSON.
 */
export function sendJaegerError(res: Response, status: number, message: string): void {
  res
    .status(status)
    .set('Content-Type', 'text/plain; charset=utf-8')
    .set('X-Content-Type-Options', 'nosniff')
    .send(`${JSON.stringify({ error: { httpCode: status, message } })}\n`);
}

/** The /api/v3 error handler: JaegerApiError as is, anything else logged and answered 500. */
export function jaegerErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) return;
    if (error instanceof JaegerApiError) {
      sendJaegerError(res, error.status, error.message);
      return;
    }
    logger.error({ err: error, path: req.path }, 'query failed');
    sendJaegerError(res, 500, 'internal error');
  };
}
