import net from 'node:net';

/** How long Redis gets to answer before the demo falls back to the in-process cache. */
export const REDIS_PROBE_TIMEOUT_MS = 500;

function encodeCommand(parts: string[]): string {
  return `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
}

// AUTH first when the URL carries credentials, so a protected Redis still answers the PING.
function probeCommands(url: URL): string {
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const auth = password ? [encodeCommand(user ? ['AUTH', user, password] : ['AUTH', password])] : [];
  return [...auth, encodeCommand(['PING'])].join('');
}

/** True when the Redis at `redisUrl` answers PING with PONG within `timeoutMs`. */
export function probeRedis(redisUrl: string, timeoutMs: number = REDIS_PROBE_TIMEOUT_MS): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 6379) });
    let answer = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(answer.includes('+PONG')));
    socket.once('connect', () => socket.write(probeCommands(url)));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('+PONG')) finish(true);
      else if (answer.startsWith('-')) finish(false);
    });
  });
}
