import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, type RunningServer } from '@tracecart/testkit';

/** A carrier the test controls: it holds its first label request open until told, and answers every other one. */
export interface HeldCarrier {
  /** Order ids of the label requests, in arrival order. */
  requests: string[];
  /** Answers the held first request (if the worker is still there to read it). */
  releaseFirst(): void;
  start(): Promise<RunningServer>;
}

/** Where a worker waits in the middle of a message, for as long as a test needs it to. */
export function holdFirstLabel(): HeldCarrier {
  const requests: string[] = [];
  let release: (() => void) | undefined;
  const answer = (res: ServerResponse, orderId: string, n: number) =>
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ orderId, label: `LBL-TEST-${n}` }));
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { orderId } = JSON.parse(body) as { orderId: string };
      requests.push(orderId);
      const n = requests.length;
      if (n === 1) release = () => answer(res, orderId, n);
      else answer(res, orderId, n);
    });
  };
  return { requests, releaseFirst: () => release?.(), start: () => listenOnLoopback(handle) };
}
