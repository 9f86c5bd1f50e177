import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { HttpError } from '@tracecart/http-kit';
import { faviconRoutes } from './favicon';

/**
 * Serves the built page (Vite's output) at /, and its icon. Hashed assets are cached for a long time;
 * index.html never, so a rebuilt page shows on the next reload.
 */
export function webPageRoutes(webRoot: string): Router {
  const router = Router();
  const index = path.join(webRoot, 'index.html');
  // Served even when the page is not built: the browser asks for it either way.
  router.use(faviconRoutes());
  router.use('/assets', express.static(path.join(webRoot, 'assets'), { immutable: true, maxAge: '1y', fallthrough: true }));
  router.get(['/', '/index.html'], (_req, res) => {
    if (!existsSync(index)) {
      throw new HttpError(404, 'not_found', 'the console page is not built: run npm run build (it builds apps/console/web into dist/web)');
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  });
  router.use(express.static(webRoot, { index: false }));
  return router;
}
