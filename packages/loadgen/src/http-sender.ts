import { Pool } from 'undici';
import { readNetworkCode } from './outcome';
import type { RequestOutcome } from './outcome';
import { ResponseHandler } from './response-handler';
import type { LoadRequest } from './types';

/** Every generated request says so, so services and traces can tell synthetic load from people. */
export const SYNTHETIC_BAGGAGE = 'synthetic_request=true';

/** Sends requests over keep-alive connections to one origin. */
export interface HttpSender {
  /** Sends one request; `onOutcome` is called exactly once, also for network errors. */
  send(request: LoadRequest, isSuccess: (status: number) => boolean, onOutcome: (outcome: RequestOutcome) => void): void;
  /** Sends `count` GETs to `path`, `concurrency` at a time, ignoring their outcome, within `timeoutMs` in all, to open sockets and warm the code paths. */
  warmUp(path: string, count: number, concurrency: number, timeoutMs: number): Promise<void>;
  /** Fails every in-flight request at once (they come back as network errors). */
  abortAll(): Promise<void>;
  close(): Promise<void>;
}

/** A sender backed by an undici Pool; connections open lazily, up to `connections`. */
export function createHttpSender(origin: string, connections: number): HttpSender {
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  return {
    send(request, isSuccess, onOutcome) {
      const options = { method: request.method, path: request.path, headers: withSyntheticBaggage(request.headers), body: request.body };
      try {
        pool.dispatch(options, new ResponseHandler(isSuccess, onOutcome));
      } catch (error) {
        // undici reports failures through onError; this only catches what throws before it gets that far.
        onOutcome({ success: false, status: 'network', code: readNetworkCode(error) });
      }
    },
    warmUp: (path, count, concurrency, timeoutMs) => warmUpPool(pool, path, count, concurrency, timeoutMs),
    abortAll: () => destroyOnce(pool),
    close: () => destroyOnce(pool),
  };
}

async function warmUpPool(pool: Pool, path: string, count: number, concurrency: number, timeoutMs: number): Promise<void> {
  const options = { method: 'GET' as const, path, headers: withSyntheticBaggage(), headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
  let remaining = count;
  const deadline = Date.now() + timeoutMs;
  // The same dispatch path the run uses, so what V8 optimises here is what the run executes.
  const sendOne = (): Promise<RequestOutcome> =>
    new Promise((resolve) => pool.dispatch(options, new ResponseHandler(() => true, resolve)));
  const worker = async (): Promise<void> => {
    while (remaining-- > 0 && Date.now() < deadline) {
      // A down target shows up in the run's own errors; warm-up just stops trying.
      if ((await sendOne()).status === 'network') return;
    }
  };
  await Promise.all(Array.from({ length: Math.min(count, concurrency) }, worker));
}

// The run aborts in-flight requests at the grace deadline and closes afterwards; destroying twice would reject.
async function destroyOnce(pool: Pool): Promise<void> {
  if (!pool.destroyed) await pool.destroy();
}

/**
 * Adds `synthetic_request=true` to the request's baggage, keeping any members the factory set.
 * A frozen headers object (like the checkout factory's) is merged once and reused: it cannot change.
 */
export function withSyntheticBaggage(headers: Record<string, string> = NO_HEADERS): Record<string, string> {
  if (!Object.isFrozen(headers)) return mergeBaggage(headers);
  let merged = mergedFrozen.get(headers);
  if (!merged) {
    merged = Object.freeze(mergeBaggage(headers));
    mergedFrozen.set(headers, merged);
  }
  return merged;
}

const NO_HEADERS: Record<string, string> = Object.freeze({});
const mergedFrozen = new WeakMap<Record<string, string>, Record<string, string>>();

function mergeBaggage(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let baggage = SYNTHETIC_BAGGAGE;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'baggage') baggage = `${value},${SYNTHETIC_BAGGAGE}`;
    else out[name] = value;
  }
  out.baggage = baggage;
  return out;
}
