import { Router, type Request, type Response } from 'express';
import { HttpError } from '@tracecart/http-kit';
import type { JaegerClient } from '@tracecart/jaeger-client';
import type { TracesData } from '@tracecart/otlp';
import { selectTree, selectTreeWithLinks, TraceAnalysisError } from '@tracecart/trace-analysis';
import type { Logger } from '@tracecart/tracing';
import type { TraceAnalysis, TraceLinksView, TraceList } from '../api-types';
import { markBaselines } from '../baselines/baseline-marks';
import { analyzeTrace } from '../traces/analyze-trace';
import { normalizeTraceId, toTraceBackendError } from '../traces/backend-errors';
import { findCrossTraceLinks } from '../traces/cross-trace-links';
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

async function fetchTrace(source: TraceSource, req: Request): Promise<{ traceId: string; data: TracesData }> {
  const traceId = normalizeTraceId(String(req.params.traceId));
  const data = await source.jaeger.getTrace(traceId);
  if (!data) throw new HttpError(404, 'not_found', `trace ${traceId} is not in the trace backend (yet?)`);
  return { traceId, data };
}

// The raw trace is answered even when the analysis refuses it (that is what it is for): its
// links then say why they are missing instead of turning the answer into a 502.
async function linksBesideRawTrace(source: TraceSource, data: unknown, traceId: string): Promise<TraceLinksView> {
  try {
    return await findCrossTraceLinks(source.jaeger, selectTree(data, traceId));
  } catch (error) {
    if (!(error instanceof TraceAnalysisError)) throw error;
    return { linksTo: [], linkedFrom: [], pendingMessageIds: [], unavailable: `the trace's links could not be read: ${error.message}` };
  }
}

/**
 * Trace reads, proxied to Jaeger's /api/v3: services, recent traces with their fix switches,
 * one trace as Jaeger returns it, and one trace diagnosed with its waterfall rows (each DB and
 * server span marked against its operation's recent durations when the trace store keeps them,
 * and read beside the traces it links to);
 * a single trace comes with its links across the queue, both ways.
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
    const { traceId, data } = await fetchTrace(source, req);
    res.json({ result: data, links: await linksBesideRawTrace(source, data, traceId) });
  }));

  // Only the links: the page asks again while a checkout's message still waits for its consumer.
  router.get('/api/traces/:traceId/links', guard(async (req, res) => {
    const { traceId, data } = await fetchTrace(source, req);
    const body: TraceLinksView = await findCrossTraceLinks(source.jaeger, selectTree(data, traceId));
    res.json(body);
  }));

  router.get('/api/diagnose/:traceId', guard(async (req, res) => {
    const { traceId, data } = await fetchTrace(source, req);
    // With the traces it links to: a consumer that records no queue age shows its wait across the link.
    const tree = await selectTreeWithLinks(data, traceId, (id) => source.jaeger.getTrace(id));
    const analysis = analyzeTrace(tree, source.jaegerUiUrl, (await source.challengeRunning?.()) ?? false);
    const [rows, links] = await Promise.all([
      markBaselines(source.jaegerQueryUrl, analysis.rows, (error) => source.logger?.warn({ err: error }, 'baseline lookup failed; the span goes unmarked')),
      findCrossTraceLinks(source.jaeger, tree),
    ]);
    const body: TraceAnalysis = { ...analysis, rows, links };
    res.json(body);
  }));

  return router;
}
