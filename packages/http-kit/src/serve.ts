import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server, ServerResponse } from 'node:http';
import type { Logger } from '@tracecart/tracing';
import { runService, type RunningService } from './run-service';

/** How a service starts listening and what it closes on shutdown. */
export interface ServeOptions {
  port: number;
  host?: string;
  logger: Logger;
  /** Closes pools and clients after the server stops taking requests. */
  onShutdown?: () => Promise<void>;
}

function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

// server.close() waits for every open connection, and a caller that keeps its keep-alive
// connection busy would hold it open for as long as it sends. Responses not yet sent when the
// signal comes, and every one after, say Connection: close: the caller gets its answer and opens
// no more here. Prepended: the app may send its response before a later listener runs.
function closeDraining(server: Server, logger: Logger): (deadline: AbortSignal) => Promise<void> {
  let stopping = false;
  const inFlight = new Set<ServerResponse>();
  server.prependListener('request', (_request, response: ServerResponse) => {
    if (stopping) {
      response.setHeader('connection', 'close');
      return;
    }
    inFlight.add(response);
    response.on('close', () => inFlight.delete(response));
  });
  return async (deadline) => {
    stopping = true;
    for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A request that never completes (a client that stops sending its body) must not hold the
    // shutdown: at the deadline every connection is cut.
    const cut = () => {
      logger.warn('closing connections still open');
      server.closeAllConnections();
    };
    deadline.addEventListener('abort', cut, { once: true });
    await closed;
    deadline.removeEventListener('abort', cut);
  };
}

async function startServer(app: Express, options: ServeOptions): Promise<RunningService & { server: Server }> {
  const server = await listen(app, options.port, options.host ?? '0.0.0.0');
  // Keep-alive sockets from upstream services must outlive the callers' idle timeout.
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  return { server, ports: { http: port }, close: closeDraining(server, options.logger) };
}

/** Serves an Express app through runService: listens, reports its port, drains on SIGTERM/SIGINT. */
export async function serve(app: Express, options: ServeOptions): Promise<Server> {
  const { logger, onShutdown } = options;
  const { server } = await runService({ logger, onShutdown, start: () => startServer(app, options) });
  return server;
}
