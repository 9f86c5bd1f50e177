import zlib from 'node:zlib';
import { decodeTracesJson, encodeTracesProtobuf, type TracesData } from '@tracecart/otlp';
import { createLogger } from '@tracecart/tracing';
import { startTracestore, type BaselineOptions, type TracestoreHandle } from '../../src/start';

/** The media types of OTLP/HTTP bodies. */
export const JSON_TYPE = 'application/json';
export const PROTOBUF_TYPE = 'application/x-protobuf';

/** A tracestore listening on ephemeral loopback ports, with helpers to talk to it. */
export interface RunningTracestore {
  handle: TracestoreHandle;
  otlpUrl: string;
  /** host:port of the OTLP/gRPC receiver. */
  grpcAddress: string;
  queryUrl: string;
  /** POSTs an OTLP body (object, or raw text/bytes) to /v1/traces; JSON unless told otherwise. */
  post(body: TracesData | string | Buffer, options?: { contentType?: string; gzip?: boolean }): Promise<Response>;
  /** GETs a query API path, e.g. /api/v3/services. */
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a quiet tracestore for one test file (all three ports ephemeral). */
export async function startTestTracestore(
  options: { maxTraces?: number; maxPayloadBytes?: number; baselines?: Partial<BaselineOptions> } = {},
): Promise<RunningTracestore> {
  const handle = await startTracestore({ otlpPort: 0, queryPort: 0, logger: createLogger('tracestore', 'silent'), ...options });
  const otlpUrl = `http://127.0.0.1:${handle.otlpPort}`;
  const queryUrl = `http://127.0.0.1:${handle.queryPort}`;
  return {
    handle,
    otlpUrl,
    grpcAddress: `127.0.0.1:${handle.grpcPort}`,
    queryUrl,
    post(body, postOptions = {}) {
      const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      const headers: Record<string, string> = { 'content-type': postOptions.contentType ?? JSON_TYPE };
      if (postOptions.gzip) headers['content-encoding'] = 'gzip';
      const payload = postOptions.gzip ? zlib.gzipSync(text) : text;
      return fetch(`${otlpUrl}/v1/traces`, { method: 'POST', headers, body: payload });
    },
    get: (path, init) => fetch(`${queryUrl}${path}`, init),
    close: () => handle.close(),
  };
}

/** The same export as a binary protobuf ExportTraceServiceRequest. */
export function toProtobuf(body: TracesData): Buffer {
  return Buffer.from(encodeTracesProtobuf(decodeTracesJson(body)));
}

/** Query-string for a search over a window around the synthetic traces' start. */
export function searchParams(params: Record<string, string>, windowStartNs: bigint, windowMinutes = 60): string {
  const start = new Date(Number(windowStartNs / 1_000_000n) - 60_000);
  const end = new Date(start.getTime() + windowMinutes * 60_000);
  return new URLSearchParams({ 'query.startTimeMin': start.toISOString(), 'query.startTimeMax': end.toISOString(), ...params }).toString();
}
