import { performance } from 'node:perf_hooks';
import { HttpError } from '@tracecart/http-kit';
import { runOutsideTrace } from '@tracecart/tracing';

/** The gateway's answer to one checkout, as it came, plus the time it took seen from here. */
export interface CheckoutAnswer {
  status: number;
  contentType: string;
  body: string;
  traceResponse: string | undefined;
  replayed: string | undefined;
  latencyMs: number;
}

/** Longer than the largest injected delay (60 s), so chaos.latency never looks like a dead gateway. */
export const CHECKOUT_TIMEOUT_MS = 65_000;

/**
 * Places one checkout at the gateway, outside any trace of the console's own, so the checkout's
 * trace starts at the gateway exactly as a customer's would.
 */
export async function placeCheckout(gatewayUrl: string, body: unknown, idempotencyKey: string | undefined): Promise<CheckoutAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  const started = performance.now();
  try {
    const response = await runOutsideTrace(() =>
      fetch(`${gatewayUrl}/api/checkout`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(CHECKOUT_TIMEOUT_MS),
      }),
    );
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/json',
      body: text,
      traceResponse: response.headers.get('traceresponse') ?? undefined,
      replayed: response.headers.get('idempotent-replayed') ?? undefined,
      latencyMs: performance.now() - started,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new HttpError(503, 'dependency_unavailable', `the gateway at ${gatewayUrl} did not answer (${cause})`);
  }
}
