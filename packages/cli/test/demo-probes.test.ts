import net from 'node:net';
import { assertPortsFree, isPortFree, pickFreePort } from '../src/demo/ports';
import { probeRedis } from '../src/demo/redis-probe';

/** A loopback TCP server that answers every chunk it receives with `reply` (or never, when undefined). */
async function fakeServer(reply?: string): Promise<{ port: number; received: () => string; close: () => Promise<void> }> {
  let received = '';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (reply !== undefined) socket.write(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received: () => received,
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('the demo probes', () => {
  it('takes Redis as there only when it answers PING, authenticating first when the URL says so', async () => {
    const redis = await fakeServer('+PONG\r\n');
    const guarded = await fakeServer('-NOAUTH Authentication required.\r\n');
    const silent = await fakeServer();
    try {
      expect(await probeRedis(`redis://127.0.0.1:${redis.port}`)).toBe(true);
      expect(await probeRedis(`redis://:s3cret@127.0.0.1:${redis.port}`)).toBe(true);
      expect(redis.received()).toContain('AUTH\r\n$6\r\ns3cret');
      expect(await probeRedis(`redis://127.0.0.1:${guarded.port}`)).toBe(false);
      expect(await probeRedis(`redis://127.0.0.1:${silent.port}`, 200)).toBe(false);
      expect(await probeRedis('redis://127.0.0.1:1')).toBe(false);
      expect(await probeRedis('not a url')).toBe(false);
    } finally {
      await Promise.all([redis.close(), guarded.close(), silent.close()]);
    }
  });

  it('names the taken port and who wanted it, and picks a free port when the preferred are taken', async () => {
    const holder = await fakeServer();
    try {
      expect(await isPortFree(holder.port)).toBe(false);
      await expect(assertPortsFree([{ port: holder.port, owner: 'gateway' }])).rejects.toThrow(`port ${holder.port} (gateway) is already in use`);
      const picked = await pickFreePort([holder.port]);
      expect(picked).not.toBe(holder.port);
      expect(await isPortFree(picked)).toBe(true);
    } finally {
      await holder.close();
    }
  });
});
