import express from 'express';
import { createJaegerClient } from '@tracecart/jaeger-client';
import { listenOnLoopback, type RunningServer } from '@tracecart/testkit';
import { traceRoutes } from '../../src/routes/traces';

/** A query port that forwards /api/v3 to the real trace store and answers /api/lab/* with one status, as real Jaeger does with 404. */
export interface BaselineStub {
  /** A console's trace routes reading through the stub. */
  console: RunningServer;
  /** How many /api/lab requests the stub refused. */
  labRequests(): number;
  stop(): Promise<void>;
}

/** Starts the stub in front of `queryUrl` and a console's trace routes reading from it. */
export async function startBaselineStub(queryUrl: string, labStatus: number): Promise<BaselineStub> {
  let labRequests = 0;
  const stub = await listenOnLoopback(async (req, res) => {
    if (req.url?.startsWith('/api/lab/')) {
      labRequests++;
      res.writeHead(labStatus, { 'content-type': 'text/plain' }).end('no such route');
      return;
    }
    const upstream = await fetch(`${queryUrl}${req.url}`, { headers: { accept: 'application/json' } });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(await upstream.text());
  });
  const app = express();
  app.use(traceRoutes({ jaeger: createJaegerClient(stub.url), jaegerQueryUrl: stub.url, jaegerUiUrl: null }));
  const routes = await listenOnLoopback(app);
  return {
    console: routes,
    labRequests: () => labRequests,
    stop: async () => {
      await routes.close();
      await stub.close();
    },
  };
}
