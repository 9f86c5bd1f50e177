import { createJaegerClient, JaegerQueryError, splitTracesById, type JaegerClient } from '@tracecart/jaeger-client';
import type { TracesData } from '@tracecart/otlp';

/** The trace backend as `lab diagnose` sees it: failures become one readable line. */
export interface TraceFetcher {
  getTrace(traceId: string): Promise<TracesData>;
  findRecent(service: string, count: number, lookbackMs: number): Promise<Map<string, TracesData>>;
}

function explain(error: unknown, jaegerUrl: string): unknown {
  if (!(error instanceof JaegerQueryError)) return error;
  if (error.status === 0) return new Error(`cannot reach Jaeger at ${jaegerUrl}: ${error.jaegerMessage}`);
  return new Error(`Jaeger at ${jaegerUrl} answered ${error.status} to ${error.path}: ${error.jaegerMessage}`);
}

async function explained<T>(jaegerUrl: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explain(error, jaegerUrl);
  }
}

/** Reads traces from any /api/v3 server (Jaeger or the tracestore). */
export function createTraceFetcher(jaegerUrl: string, client: JaegerClient = createJaegerClient(jaegerUrl, { timeoutMs: 10_000 })): TraceFetcher {
  return {
    async getTrace(traceId) {
      const data = await explained(jaegerUrl, () => client.getTrace(traceId));
      if (!data) throw new Error(`trace ${traceId} is not in Jaeger at ${jaegerUrl}`);
      return data;
    },
    async findRecent(service, count, lookbackMs) {
      const now = new Date();
      const data = await explained(jaegerUrl, () =>
        client.findTraces({ serviceName: service, startTimeMin: new Date(now.getTime() - lookbackMs), startTimeMax: now, searchDepth: count }),
      );
      return splitTracesById(data);
    },
  };
}
