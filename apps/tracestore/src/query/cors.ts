import type { RequestHandler } from 'express';

/**
 * Lets the console page (another port, so another origin) read the query API: any origin,
 * GET only, and preflights answered here. The API is read-only and carries no credentials.
 */
export function allowAnyOrigin(): RequestHandler {
  return (req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    res.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    res.set('Access-Control-Allow-Headers', req.get('Access-Control-Request-Headers') ?? 'Content-Type');
    res.set('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
