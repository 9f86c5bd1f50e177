import { Router, type Response } from 'express';
import { renderTracesResult } from '../store/render-traces';
import { summarizeTrace } from '../store/summarize-trace';
import type { TraceStore } from '../store/trace-store';
import type { StoredTrace } from '../store/types';
import { NO_TRACES_FOUND, sendJaegerError } from './jaeger-error';
import { checkGetTraceParams, parseTraceId, parseTraceQuery, resolveParam, type QueryString } from './query-params';
import { toSummaryJson } from './summary-json';

function sendJson(res: Response, body: string): void {
  res.type('application/json').send(body);
}

// Jaeger answers an empty search or an unknown id with 404, not with an empty list.
function sendTraces(res: Response, traces: StoredTrace[]): void {
  if (traces.length === 0) sendJaegerError(res, 404, NO_TRACES_FOUND);
  else sendJson(res, renderTracesResult(traces));
}

/** Jaeger 2.20's /api/v3 query routes, served from the store. */
export function queryRoutes(store: TraceStore): Router {
  const router = Router();

  router.get('/api/v3/services', (_req, res) => {
    sendJson(res, JSON.stringify({ services: store.getServices() }));
  });

  router.get('/api/v3/operations', (req, res) => {
    const query = req.query as QueryString;
    const service = resolveParam(query, 'service')?.value ?? '';
    const spanKind = resolveParam(query, 'spanKind', 'span_kind')?.value;
    // Like Jaeger's gateway, an unspecified kind is reported as "internal".
    const operations = store.getOperations(service, spanKind).map((op) => ({ name: op.name, spanKind: op.spanKind || 'internal' }));
    sendJson(res, JSON.stringify({ operations }));
  });

  router.get('/api/v3/traces', (req, res) => {
    sendTraces(res, store.findTraces(parseTraceQuery(req.query as QueryString, store.maxTraces)));
  });

  router.get('/api/v3/traces/:traceId', (req, res) => {
    const traceId = parseTraceId(req.params.traceId);
    checkGetTraceParams(req.query as QueryString);
    const trace = store.getTrace(traceId);
    sendTraces(res, trace ? [trace] : []);
  });

  router.get('/api/v3/trace-summaries', (req, res) => {
    const traces = store.findTraces(parseTraceQuery(req.query as QueryString, store.maxTraces));
    sendJson(res, JSON.stringify({ summaries: traces.map((trace) => toSummaryJson(summarizeTrace(trace))) }));
  });

  return router;
}
