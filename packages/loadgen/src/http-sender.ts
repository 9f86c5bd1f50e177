import { Http1Pool } from './http1/http1-pool';
import type { Http1PoolOptions } from './http1/http1-pool';
import type { Endpoint } from './http1/open-socket';
import { RequestSerializer } from './http1/request-serializer';
import type { RequestOutcome } from './outcome';
import type { LoadRequest } from './types';

/** Receives a request's outcome with the tag it was sent with, so no closure is needed per request. */
export type OutcomeListener = (outcome: RequestOutcome, tag: number) => void;

/** Sends requests over keep-alive connections to one origin. */
export interface HttpSender {
  /** Sends one request; `onOutcome` is called exactly once with `tag`, also for network errors and refused requests. */
  send(request: LoadRequest, isSuccess: (status: number) => boolean, onOutcome: OutcomeListener, tag: number): void;
  /** Sends `count` GETs to `path`, `concurrency` at a time, ignoring their outcome, within `timeoutMs` in all, to open sockets and warm the code paths. */
  warmUp(path: string, count: number, concurrency: number, timeoutMs: number): Promise<void>;
  /** Fails every in-flight request at once (they come back as network errors). */
  abortAll(): Promise<void>;
  close(): Promise<void>;
}

/** Connection settings of a sender beyond the origin. */
export type SenderOptions = Http1PoolOptions & Pick<Endpoint, 'tls'>;

/** A sender on the package's own HTTP/1.1 client; connections open lazily, up to `options.connections`. */
export function createHttpSender(origin: string, options: SenderOptions): HttpSender {
  const url = new URL(origin);
  const secure = url.protocol === 'https:';
  // URL keeps the brackets of an IPv6 literal; sockets want the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const endpoint: Endpoint = { host, port: Number(url.port) || (secure ? 443 : 80), secure, tls: options.tls };
  const pool = new Http1Pool(endpoint, options);
  const serializer = new RequestSerializer(url.host);
  const send = (request: LoadRequest, isSuccess: (status: number) => boolean, onOutcome: OutcomeListener, tag: number): void => {
    let bytes: string;
    try {
      bytes = serializer.serialize(request);
    } catch (error) {
      return onOutcome({ success: false, status: 'client', code: readClientCode(error) }, tag);
    }
    pool.dispatch({ bytes, isSuccess, onOutcome, tag, sentTick: 0 });
  };
  return {
    send,
    warmUp: (path, count, concurrency, timeoutMs) => warmUp(send, path, count, concurrency, timeoutMs),
    abortAll: async () => pool.abortAll('aborted'),
    close: async () => pool.close(),
  };
}

async function warmUp(send: HttpSender['send'], path: string, count: number, concurrency: number, timeoutMs: number): Promise<void> {
  const request: LoadRequest = { method: 'GET', path };
  let remaining = count;
  const deadline = Date.now() + timeoutMs;
  // The same send path the run uses, so what V8 optimises here is what the run executes.
  const sendOne = (): Promise<RequestOutcome> => new Promise((resolve) => send(request, () => true, resolve, 0));
  const worker = async (): Promise<void> => {
    while (remaining-- > 0 && Date.now() < deadline) {
      // A down target shows up in the run's own errors; warm-up just stops trying.
      if ((await sendOne()).status === 'network') return;
    }
  };
  // A target that never answers would hold a worker forever; the run starts at the deadline anyway.
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  try {
    await Promise.race([Promise.all(Array.from({ length: Math.min(count, concurrency) }, worker)), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function readClientCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'invalid_request';
}
