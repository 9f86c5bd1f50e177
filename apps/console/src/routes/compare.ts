import { Router } from 'express';
import { parseOrThrow } from '@tracecart/http-kit';
import { compare } from '@tracecart/trace-analysis';
import type { CompareResult } from '../api-types';
import { toTraceBackendError } from '../traces/backend-errors';
import { compareRequestSchema, fetchCompareGroup } from '../traces/compare-groups';
import type { TraceSource } from './traces';

/**
 * POST /api/compare {before, after}: each side is a list of trace ids or a trace search (e.g.
 * `{"attributes": {"lab.fix.index": "false"}}`); answers p50/p95 and per-group deltas.
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
  return router;
}
