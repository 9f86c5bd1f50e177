import type { Request, Response } from 'express';

/** One Server-Sent Events connection. */
export interface EventStream {
  send(event: string, data: unknown): void;
  /** Ends the stream from this side (e.g. on shutdown). */
  end(): void;
}

// Proxies and browsers drop an idle stream; a comment line now and then keeps it open.
const KEEP_ALIVE_MS = 15_000;

/** Turns the response into an event stream; `onClose` runs once when either side ends it. */
export function openEventStream(req: Request, res: Response, onClose: () => void): EventStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    onClose();
  };
  req.on('close', close);
  return {
    send(event, data) {
      if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      close();
      res.end();
    },
  };
}
