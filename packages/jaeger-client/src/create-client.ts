import type { TracesData } from '@tracecart/otlp';
import { encodeGetTraceOptions, encodeTraceQuery } from './encode-query';
import { getFromJaeger, parseAnswer } from './jaeger-http';
import { operationsResponse, servicesResponse, summariesResponse, tracesResponse } from './response-schemas';
import type { JaegerClient, JaegerClientOptions, Operation, OperationSpanKind, TraceSummary } from './types';

/** How long a call waits for Jaeger unless the options say otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A client for Jaeger's /api/v3 query API (OTLP JSON) at baseUrl, e.g. http://localhost:16686.
 * A base path (Jaeger's query.base_path) may be part of baseUrl.
 */
export function createJaegerClient(baseUrl: string, options: JaegerClientOptions = {}): JaegerClient {
  const root = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const get = (path: string, params?: URLSearchParams) => getFromJaeger(root, path, params, timeoutMs);

  // Jaeger answers a search or lookup with no result as 404 "No traces found".
  async function getTraces(path: string, params: URLSearchParams): Promise<TracesData> {
    const answer = await get(path, params);
    if (!answer.found) return { resourceSpans: [] };
    return parseAnswer(tracesResponse, answer.status, answer.body, path).result as TracesData;
  }

  return {
    async getServices(): Promise<string[]> {
      const answer = await get('/api/v3/services');
      return answer.found ? parseAnswer(servicesResponse, answer.status, answer.body, '/api/v3/services').services : [];
    },
    async getOperations(service: string, spanKind?: OperationSpanKind): Promise<Operation[]> {
      const params = new URLSearchParams({ service });
      if (spanKind) params.set('spanKind', spanKind);
      const answer = await get('/api/v3/operations', params);
      return answer.found ? parseAnswer(operationsResponse, answer.status, answer.body, '/api/v3/operations').operations : [];
    },
    findTraces(query) {
      return getTraces('/api/v3/traces', encodeTraceQuery(query));
    },
    async getTrace(traceId, traceOptions) {
      const path = `/api/v3/traces/${encodeURIComponent(traceId)}`;
      const data = await getTraces(path, encodeGetTraceOptions(traceOptions));
      return data.resourceSpans?.length ? data : undefined;
    },
    async findTraceSummaries(query): Promise<TraceSummary[]> {
      const answer = await get('/api/v3/trace-summaries', encodeTraceQuery(query));
      return answer.found ? parseAnswer(summariesResponse, answer.status, answer.body, '/api/v3/trace-summaries').summaries : [];
    },
  };
}
