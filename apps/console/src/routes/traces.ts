import { Router, type Request, type Response } from 'express';
import { HttpError } from '@tracecart/http-kit';
import type { JaegerClient } from '@tracecart/jaeger-client';
import type { Logger } from '@tracecart/tracing';
import type { TraceAnalysis, TraceList } from '../api-types';
import { markBaselines } from '../baselines/baseline-marks';
import { analyzeTrace } from '../traces/analyze-trace';
import { normalizeTraceId, toTraceBackendError } from '../traces/backend-errors';
import { parseFilterQuery, toTraceQuery } from '../traces/trace-filter';
import { listTraces } from '../traces/trace-rows';

/** Where traces come from and where people look at them. */
export interface TraceSource {
  jaeger: JaegerClient;
  jaegerQueryUrl: string;
  jaegerUiUrl: string | null;
  /** Where a failed baseline lookup is told (the trace is still answered, unmarked). */
  logger?: Logger;
  /** Whether a challenge runs: verdicts then name no fix switch. None when left out. */
  challengeRunning?: () => Promise<boolean>;
}

type Handler = (req: Request, res: Response) => Promise<void>;

async function fetchTrace(source: TraceSource, req: Request): Promise<{ traceId: string; data: unknown }> {
  const traceId = normalizeTraceId(String(req.params.traceId));
  const data = await source.jaeger.getTrace(traceId);
  if (!data) throw new HttpError(404, 'not_found', `trace ${traceId} is not in the trace backend (yet?)`);
  return { traceId, data };
}

/**
 * Trace reads, proxied to Jaeger's /api/v3: services, recent traces with their fix switches,
 * one trace as Jaeger returns it, and one trace diagnosed with its waterfall rows (each DB and
 * server span marked against its operation's recent durations when the trace store keeps them).
 */
export function traceRoutes(source: TraceSource): Router {
  const router = Router();
  // Every failure of the backend leaves in the error contract, whichever handler met it.
  const guard = (handler: Handler): Handler => async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      throw toTraceBackendError(error, source.jaegerQueryUrl);
    }
  };

  router.get('/api/services', guard(async (_req, res) => {
    res.json({ services: await source.jaeger.getServices() });
  }));

  router.get('/api/traces', guard(async (req, res) => {
    const filter = parseFilterQuery(req.query as Record<string, unknown>);
    const body: TraceList = { traces: listTraces(await source.jaeger.findTraces(toTraceQuery(filter))) };
    res.json(body);
  }));

  router.get('/api/traces/:traceId', guard(async (req, res) => {
    const { data } = await fetchTrace(source, req);
    res.json({ result: data });
  }));

  router.get('/api/diagnose/:traceId', guard(async (req, res) => {
    const { traceId, data } = await fetchTrace(source, req);
    const analysis = analyzeTrace(data, traceId, source.jaegerUiUrl, (await source.challengeRunning?.()) ?? false);
    const rows = await markBaselines(source.jaegerQueryUrl, analysis.rows, (error) => source.logger?.warn({ err: error }, 'baseline lookup failed; the span goes unmarked'));
    const body: TraceAnalysis = { ...analysis, rows };
    res.json(body);
  }));

  return router;
}
