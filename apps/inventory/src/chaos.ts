import type { RequestHandler } from 'express';
import { HttpError } from '@tracecart/http-kit';
import { addSpanEvent, setSpanAttributes } from '@tracecart/tracing';
import type { FlagValues } from '@tracecart/flags';
import { LAB_ATTRIBUTES, LAB_EVENTS } from '@tracecart/contracts';

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
      addSpanEvent(LAB_EVENTS.chaosLatency, { [LAB_ATTRIBUTES.chaosDelayMs]: latency.ms });
      setSpanAttributes({ [LAB_ATTRIBUTES.chaosInjected]: true });
      await sleep(latency.ms);
    }
    if (random() < flags()['chaos.errors'].rate) {
      addSpanEvent(LAB_EVENTS.chaosError, { [LAB_ATTRIBUTES.chaosErrorRate]: flags()['chaos.errors'].rate });
      setSpanAttributes({ [LAB_ATTRIBUTES.chaosInjected]: true });
      next(new HttpError(503, 'injected_fault', 'failed on purpose by the chaos.errors switch'));
      return;
    }
    next();
  };
}
