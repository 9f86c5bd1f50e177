import net from 'node:net';

// RESP, the protocol's request form: an array of bulk strings.
function encode(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/**
 * Sends one command to the Redis on 127.0.0.1:`port` and resolves with its first reply line
 * (`+PONG`, `:42`, `-ERR …`); rejects when nothing answers within `timeoutMs`. Enough for
 * PING and DBSIZE without a client library.
 */
export function redisCommand(port: number, args: readonly string[], timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`redis on port ${port} did not answer ${args[0]}`)));
    socket.once('error', reject);
    socket.once('connect', () => socket.write(encode(args)));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end < 0) return;
      socket.end();
      resolve(reply.slice(0, end));
    });
  });
}
