import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import http from 'node:http';

/** A server listening on an ephemeral loopback port. */
export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves an app (or any request listener) on 127.0.0.1 with an ephemeral port. */
export async function listenOnLoopback(handler: RequestListener): Promise<RunningServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
