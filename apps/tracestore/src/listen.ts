import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** A server that could not start listening; the message names the address and the variable that set it. */
export class ListenError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
    readonly code: string,
  ) {
    super(
      code === 'EADDRINUSE'
        ? `port ${port} (${variable}) is already in use`
        : `cannot listen on port ${port} (${variable}): ${code}`,
    );
    this.name = 'ListenError';
  }
}

/** Starts an HTTP server for the app; resolves with it and the port it got (useful with port 0). */
export function listenOn(app: Express, host: string, port: number, variable: string): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(app);
  // Exporters keep connections alive between batches; outlive their idle timeout.
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new ListenError(port, variable, error.code ?? error.message)));
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

/** Stops taking connections, lets requests in flight finish for up to graceMs, then drops the rest. */
export function closeServer(server: http.Server, graceMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
