import { Router } from 'express';

// A small inline icon (a bar of the waterfall), so browsers asking for /favicon.ico get one
// instead of a 404 in the console; SVG at both paths, which every current browser accepts.
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">' +
  '<rect width="16" height="16" rx="3" fill="#1f3b63"/>' +
  '<rect x="2" y="3" width="12" height="2" fill="#9fb7dc"/><rect x="4" y="7" width="9" height="2" fill="#9fb7dc"/>' +
  '<rect x="6" y="11" width="6" height="2" fill="#e8871e"/></svg>';

/** The favicon paths the page and browsers ask for. */
export const FAVICON_PATHS = ['/favicon.svg', '/favicon.ico'] as const;

/** Serves the console's icon at /favicon.svg and /favicon.ico as image/svg+xml. */
export function faviconRoutes(): Router {
  const router = Router();
  router.get([...FAVICON_PATHS], (_req, res) => {
    res.set('cache-control', 'public, max-age=86400').type('image/svg+xml').send(FAVICON_SVG);
  });
  return router;
}
