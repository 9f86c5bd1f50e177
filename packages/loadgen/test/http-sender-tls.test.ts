import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHttpSender } from '../src/http-sender';
import type { RequestOutcome } from '../src/outcome';

/** A throwaway self-signed certificate for 127.0.0.1, made with the openssl command line. */
function makeCertificate(): { key: string; cert: string } | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadgen-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const certificate = makeCertificate();
// Without the openssl command there is no certificate to serve; the plain-socket tests still run.
const describeWithOpenssl = certificate ? describe : describe.skip;

describeWithOpenssl('the undici sender over TLS', () => {
  it('sends over https, verifying the server against the given CA, and reads error codes', async () => {
    const { key, cert } = certificate ?? { key: '', cert: '' };
    let count = 0;
    const server = https.createServer({ key, cert }, (req, res) => {
      req.resume();
      req.on('end', () => {
        const fail = count++ % 2 === 1;
        res.writeHead(fail ? 409 : 201, { 'content-type': 'application/json' }).end(fail ? '{"error":{"code":"insufficient_stock"}}' : '{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const trusting = createHttpSender(`https://127.0.0.1:${port}`, { connections: 1, tls: { ca: cert } });
    const untrusting = createHttpSender(`https://127.0.0.1:${port}`, { connections: 1 });
    const send = (sender: typeof trusting): Promise<RequestOutcome> =>
      new Promise((resolve) => sender.send({ method: 'POST', path: '/api/checkout', body: '{}' }, { isSuccess: (s) => s === 201, onDispatch: () => undefined, onOutcome: resolve }, 0));
    try {
      expect(await send(trusting)).toEqual({ success: true, status: 'ok' });
      expect(await send(trusting)).toEqual({ success: false, status: '409', code: 'insufficient_stock' });
      expect(await send(untrusting)).toMatchObject({ success: false, status: 'network', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    } finally {
      await trusting.close();
      await untrusting.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
