import net from 'node:net';
import tls from 'node:tls';
import type { Http1Connection } from './connection';

/** Where a pool connects. */
export interface Endpoint {
  host: string;
  port: number;
  secure: boolean;
  /** Extra TLS options (a test's self-signed CA, for instance). */
  tls?: tls.ConnectionOptions;
}

// One read buffer for every plain connection: each read is parsed to the end before the next one
// is made (one thread), so they can share it, and no read allocates.
const READ_BUFFER_BYTES = 64 * 1024;
let sharedReadBuffer: Buffer | null = null;

/** Opens the socket for a connection and routes its reads into the connection's parser. */
export function openSocket(endpoint: Endpoint, connection: Http1Connection): void {
  if (endpoint.secure) return openTlsSocket(endpoint, connection);
  const buffer = (sharedReadBuffer ??= Buffer.allocUnsafe(READ_BUFFER_BYTES));
  const socket = net.connect({
    host: endpoint.host,
    port: endpoint.port,
    noDelay: true,
    onread: { buffer, callback: (length) => connection.receive(buffer, length) },
  });
  connection.attach(socket, 'connect');
}

function openTlsSocket(endpoint: Endpoint, connection: Http1Connection): void {
  const servername = net.isIP(endpoint.host) === 0 ? endpoint.host : undefined;
  const socket = tls.connect({ ...endpoint.tls, host: endpoint.host, port: endpoint.port, servername, ALPNProtocols: ['http/1.1'] });
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => connection.receive(chunk, chunk.length));
  connection.attach(socket, 'secureConnect');
}
