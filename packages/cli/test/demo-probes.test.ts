import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { assertPortsFree, isPortFree, pickFreePort } from '../src/demo/ports';
import { hydrateSymlinks } from '../src/demo/postgres/library-links';
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

  it('recreates the library symlinks that npm could not carry, and leaves existing ones', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-binaries-'));
    try {
      await fs.mkdir(path.join(dir, 'native', 'lib'), { recursive: true });
      await fs.writeFile(path.join(dir, 'native', 'lib', 'libicuuc.so.60.2'), 'lib');
      const links = [
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so.60' },
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so' },
      ];
      await fs.writeFile(path.join(dir, 'native', 'pg-symlinks.json'), JSON.stringify(links));
      await hydrateSymlinks(dir);
      await hydrateSymlinks(dir); // a second run finds them in place
      expect(await fs.readlink(path.join(dir, 'native', 'lib', 'libicuuc.so.60'))).toBe('libicuuc.so.60.2');
      expect(await fs.readFile(path.join(dir, 'native', 'lib', 'libicuuc.so'), 'utf8')).toBe('lib');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
