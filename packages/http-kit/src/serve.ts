import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { flushTracing, type Logger } from '@tracecart/tracing';

/** How a service starts listening and what it closes on shutdown. */
export interface ServeOptions {
  port: number;
  host?: string;
  logger: Logger;
  /** Closes pools and clients after the server stops taking requests. */
  onShutdown?: () => Promise<void>;
}

/** Listens, logs the bound port, and on SIGTERM/SIGINT drains, closes, flushes spans and exits. */
export async function serve(app: Express, options: ServeOptions): Promise<Server> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, options.host ?? '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  // Keep-alive sockets from upstream services must outlive the callers' idle timeout.
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  options.logger.info({ port }, 'listening');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, 'shutting down');
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await options.onShutdown?.();
    await flushTracing();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return server;
}
