import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** One canned answer of the fixture server. */
export interface CannedAnswer {
  status: number;
  body: string;
  contentType?: string;
}

/** A real HTTP server on 127.0.0.1 answering each path with a recorded body. */
export interface FixtureServer {
  baseUrl: string;
  /** Every request URL (path + query) received, in order. */
  requests: string[];
  /** Sets the answer for a path (without query string). */
  answer(pathname: string, canned: CannedAnswer | 'hang'): void;
  close(): Promise<void>;
}

/** Reads a body from test/fixtures/. */
export function readLocalFixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

/** Starts the fixture server on an ephemeral port. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const answers = new Map<string, CannedAnswer | 'hang'>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const canned = answers.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (canned === 'hang') return; // never answers; the client's timeout must fire
    const answer = canned ?? { status: 404, body: '404 page not found\n', contentType: 'text/plain; charset=utf-8' };
    res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    answer: (pathname, canned) => answers.set(pathname, canned),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
