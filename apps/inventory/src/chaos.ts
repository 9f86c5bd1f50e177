import type { RequestHandler } from 'express';
import { HttpError } from '@tracecart/http-kit';
import { addSpanEvent, setSpanAttributes } from '@tracecart/tracing';
import type { FlagValues } from '@tracecart/flags';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The chaos switches: delay a share of requests by chaos.latency.ms, fail a share with
 * 503 injected_fault. Each injection is marked on the span so it is never mistaken for a
 * real slowdown or failure.
 */
export function chaosMiddleware(flags: () => FlagValues, random: () => number = Math.random): RequestHandler {
  return async (_req, _res, next) => {
    const latency = flags()['chaos.latency'];
    if (latency.ms > 0 && random() < latency.rate) {
      addSpanEvent('chaos.latency', { 'chaos.delay_ms': latency.ms });
      setSpanAttributes({ 'chaos.injected': true });
      await sleep(latency.ms);
    }
    if (random() < flags()['chaos.errors'].rate) {
      addSpanEvent('chaos.error', { 'chaos.error_rate': flags()['chaos.errors'].rate });
      setSpanAttributes({ 'chaos.injected': true });
      next(new HttpError(503, 'injected_fault', 'failed on purpose by the chaos.errors switch'));
      return;
    }
    next();
  };
}
