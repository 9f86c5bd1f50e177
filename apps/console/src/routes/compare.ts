import { Router } from 'express';
import { parseOrThrow } from '@tracecart/http-kit';
import { compare } from '@tracecart/trace-analysis';
import type { CompareResult } from '../api-types';
import { toTraceBackendError } from '../traces/backend-errors';
import { compareRequestSchema, fetchCompareGroup } from '../traces/compare-groups';
import { compareBySwitch, switchCompareSchema } from '../traces/compare-by-switch';
import type { TraceSource } from './traces';

/** The read-only POST routes of comparisons, open without the admin token. */
export const COMPARE_PATHS = ['/api/compare', '/api/compare/switch'] as const;

/**
 * POST /api/compare {before, after}: each side is a list of trace ids or a trace search (e.g.
 * `{"attributes": {"lab.fix.index": "false"}}`); answers p50/p95 and per-group deltas.
 * POST /api/compare/switch {switch, service, operation, lookback, limit}: one search, split by full
 * switch state, comparing the two groups that differ only in `switch`.
 */
export function compareRoutes(source: TraceSource): Router {
  const router = Router();
  router.post('/api/compare', async (req, res) => {
    const request = parseOrThrow(compareRequestSchema, req.body);
    try {
      const [before, after] = await Promise.all([fetchCompareGroup(source.jaeger, request.before), fetchCompareGroup(source.jaeger, request.after)]);
      const body: CompareResult = {
        before: { label: before.label, traceIds: [...before.traces.keys()] },
        after: { label: after.label, traceIds: [...after.traces.keys()] },
        comparison: compare([...before.traces.values()], [...after.traces.values()]),
      };
      res.json(body);
    } catch (error) {
      throw toTraceBackendError(error, source.jaegerQueryUrl);
    }
  });
  router.post('/api/compare/switch', async (req, res) => {
    const request = parseOrThrow(switchCompareSchema, req.body);
    try {
      res.json(await compareBySwitch(source.jaeger, request));
    } catch (error) {
      throw toTraceBackendError(error, source.jaegerQueryUrl);
    }
  });
  return router;
}
