import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server, ServerResponse } from 'node:http';
import { flushTracing, type Logger } from '@tracecart/tracing';

// Long enough for requests in flight to finish, short of the 10 s a container runtime waits
// before it kills the process.
const DRAIN_DEADLINE_MS = 5_000;

/** How a service starts listening and what it closes on shutdown. */
export interface ServeOptions {
  port: number;
  host?: string;
  logger: Logger;
  /** Closes pools and clients after the server stops taking requests. */
  onShutdown?: () => Promise<void>;
}

/** Listens, logs the bound port, and on SIGTERM/SIGINT drains (bounded), closes, flushes spans and exits. */
export async function serve(app: Express, options: ServeOptions): Promise<Server> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, options.host ?? '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  // Keep-alive sockets from upstream services must outlive the callers' idle timeout.
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  options.logger.info({ port }, 'listening');
  let stopping = false;
  // server.close() waits for every open connection, and a caller that keeps its keep-alive
  // connection busy would hold it open for as long as it sends. Responses not yet sent when the
  // signal comes, and every one after, say Connection: close: the caller gets its answer and
  // opens no more here. Prepended: the app may send its response before a later listener runs.
  const inFlight = new Set<ServerResponse>();
  server.prependListener('request', (_request, response: ServerResponse) => {
    if (stopping) {
      response.setHeader('connection', 'close');
      return;
    }
    inFlight.add(response);
    response.on('close', () => inFlight.delete(response));
  });
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, 'shutting down');
    for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A request that never completes (a client that stops sending its body) must not hold the
    // shutdown: after the deadline every connection is cut.
    const deadline = setTimeout(() => {
      options.logger.warn({ afterMs: DRAIN_DEADLINE_MS }, 'closing connections still open');
      server.closeAllConnections();
    }, DRAIN_DEADLINE_MS);
    await closed;
    clearTimeout(deadline);
    await options.onShutdown?.();
    await flushTracing();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return server;
}
