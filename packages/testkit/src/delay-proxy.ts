import http, { type IncomingMessage } from 'node:http';
import { listenOnLoopback, type RunningServer } from './listen';

/** When and how long a proxy holds a matching request back. */
export interface DelayRule {
  match: (req: IncomingMessage) => boolean;
  /** Wait before forwarding: the target sees the request late. */
  beforeForwardMs?: number;
  /** Wait after the target answered: the target has acted, the caller hears late. */
  beforeReplyMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loopback HTTP proxy to `target` that delays requests matching the rule; others pass straight. */
export function startDelayProxy(target: string, rule: DelayRule): Promise<RunningServer> {
  return listenOnLoopback((req, res) => {
    const matched = rule.match(req);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (matched) await sleep(rule.beforeForwardMs ?? 0);
      const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, async (answer) => {
        const body: Buffer[] = [];
        for await (const c of answer) body.push(c as Buffer);
        if (matched) await sleep(rule.beforeReplyMs ?? 0);
        if (res.destroyed) return;
        res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(body));
      });
      upstream.on('error', () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
}

/** A loopback server that accepts requests and never answers them. */
export function startSilentServer(): Promise<RunningServer> {
  return listenOnLoopback(() => undefined);
}
