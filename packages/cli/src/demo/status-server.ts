import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_HOST } from './ports';
import type { ServiceStatus } from './supervised-service';

/** The supervisor's status endpoint: `GET <url>` answers `{services: ServiceStatus[]}`. */
export interface StatusServer {
  /** The endpoint's full URL, on loopback; the console gets it as LAB_SUPERVISOR_URL. */
  url: string;
  close(): Promise<void>;
}

const STATUS_PATH = '/services';

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Serves the services' states on an ephemeral loopback port: restart counts are known only here. */
export async function startStatusServer(statuses: () => ServiceStatus[]): Promise<StatusServer> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === STATUS_PATH) return answer(res, 200, { services: statuses() });
    answer(res, 404, { error: { code: 'not_found', message: `only GET ${STATUS_PATH} is served here` } });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, DEMO_HOST, resolve);
  });
  // The console polls with keep-alive; an idle socket must not hold the demo open once it stops.
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
  return { url: `http://${DEMO_HOST}:${(server.address() as AddressInfo).port}${STATUS_PATH}`, close };
}
