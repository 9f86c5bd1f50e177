import type { RequestHandler } from 'express';
import { currentTraceResponse } from '@tracecart/tracing';

/** Sets the W3C `traceresponse` header so every caller learns its request's trace id. */
export function traceResponseHeader(): RequestHandler {
  return (_req, res, next) => {
    const value = currentTraceResponse();
    if (value) {
      res.set('traceresponse', value);
      // Browsers may only read it from another origin when exposed.
      res.set('access-control-expose-headers', 'traceresponse');
    }
    next();
  };
}
