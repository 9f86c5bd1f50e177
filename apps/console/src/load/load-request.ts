import { z } from 'zod';
import { HttpError, parseOrThrow } from '@tracecart/http-kit';
import { CHECKOUT_MIXES, FLASH_SKU_COUNT, formatSlo, maxItemsOf, parseSlo, type SloSpec } from '@tracecart/loadgen';
import { parseDuration } from '@tracecart/units';
import type { LoadLimits, LoadRunSettings } from '../api-types';

/**
 * The console's bounds on one run: enough to push the lab past its SLO, not enough to leave a
 * forgotten browser tab hammering the machine for an hour.
 */
export const LOAD_LIMITS: Readonly<Omit<LoadLimits, 'unavailable'>> = Object.freeze({ maxRate: 500, maxDurationMs: 300_000, maxItems: 10, mixes: CHECKOUT_MIXES });

/** A load the page asked for, checked and with its SLO parsed. */
export interface LoadRequest {
  settings: LoadRunSettings;
  slo: SloSpec;
}

function durationMs(value: string | number, ctx: z.RefinementCtx): number {
  let ms: number;
  try {
    ms = typeof value === 'number' ? value : parseDuration(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
  if (!(ms > 0) || ms > LOAD_LIMITS.maxDurationMs) {
    ctx.addIssue({ code: 'custom', message: `must be above 0 and at most ${LOAD_LIMITS.maxDurationMs / 1000}s` });
    return z.NEVER;
  }
  return ms;
}

const schema = z.strictObject({
  rate: z.number().gt(0).max(LOAD_LIMITS.maxRate, `must be at most ${LOAD_LIMITS.maxRate} requests per second`),
  duration: z.union([z.string(), z.number()]).transform(durationMs),
  mix: z.enum(CHECKOUT_MIXES).default('popular'),
  items: z.number().int().min(1).max(LOAD_LIMITS.maxItems).default(1),
  slo: z.string().max(200).default('p99<300ms,success>=99.9%'),
}).refine((input) => input.items <= maxItemsOf(input.mix, Number.MAX_SAFE_INTEGER), {
  // A checkout holds distinct SKUs, and a flash sale has only a few.
  path: ['items'],
  message: `must be at most ${FLASH_SKU_COUNT} for the flash mix, which sells ${FLASH_SKU_COUNT} SKUs`,
});

/** Parses POST /api/load's body; a bad field is 400 invalid_request naming it. */
export function parseLoadRequest(body: unknown): LoadRequest {
  const input = parseOrThrow(schema, body);
  let slo: SloSpec;
  try {
    slo = parseSlo(input.slo);
  } catch (error) {
    throw new HttpError(400, 'invalid_request', `slo: ${(error as Error).message}`);
  }
  const settings: LoadRunSettings = { rate: input.rate, durationMs: input.duration, mix: input.mix, items: input.items, slo: formatSlo(slo) };
  return { settings, slo };
}
