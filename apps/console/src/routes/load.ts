import { Router } from 'express';
import type { LoadSession } from '../load/load-session';
import { parseLoadRequest } from '../load/load-request';
import { openEventStream } from '../load/event-stream';

/**
 * The load panel's API: POST /api/load starts one bounded run (409 while one runs),
 * DELETE /api/load stops it, GET /api/load is its state, GET /api/load/events streams it (SSE).
 */
export function loadRoutes(session: LoadSession): Router {
  const router = Router();

  router.post('/api/load', (req, res) => {
    res.status(202).json(session.start(parseLoadRequest(req.body)));
  });

  router.delete('/api/load', (_req, res) => {
    session.stop();
    res.json(session.current());
  });

  router.get('/api/load', (_req, res) => {
    res.json(session.current());
  });

  router.get('/api/load/events', (req, res) => {
    const stream = openEventStream(req, res, () => unsubscribe());
    const unsubscribe = session.subscribe((event) => (event.type === 'closed' ? stream.end() : stream.send(event.type, event.data)));
    stream.send('state', session.current());
  });

  return router;
}
