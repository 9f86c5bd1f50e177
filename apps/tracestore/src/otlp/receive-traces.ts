import { status as GrpcStatus } from '@grpc/grpc-js';
import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from '@tracecart/tracing';
import {
  decodeTracesJson,
  decodeTracesProtobuf,
  exportResponseJson,
  exportResponseProtobuf,
  statusJson,
  statusProtobuf,
  type DecodedTraces,
  type ExportFailure,
  type PartialSuccess,
} from '@tracecart/otlp';
import type { TraceStore } from '../store/trace-store';
import { ExportRefusal, invalidExport, refusalOf, toExportFailure } from './export-refusal';
import { exportTraces } from './export-traces';

/** The two OTLP/HTTP encodings, by Content-Type. */
const MEDIA_TYPES = { json: 'application/json', protobuf: 'application/x-protobuf' } as const;
type ExportFormat = keyof typeof MEDIA_TYPES;

function formatOf(req: Request): ExportFormat | undefined {
  const type = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === MEDIA_TYPES.json) return 'json';
  if (type === MEDIA_TYPES.protobuf) return 'protobuf';
  return undefined;
}

// Checked before the body is read, so a refused request costs nothing to parse.
const requireOtlpType: RequestHandler = (req, _res, next) => {
  if (formatOf(req)) return next();
  const type = req.get('content-type') || '(none)';
  const message = `content type "${type}" is not supported; send ${MEDIA_TYPES.protobuf} or ${MEDIA_TYPES.json}`;
  next(new ExportRefusal(415, 'unsupported_media_type', message, GrpcStatus.INVALID_ARGUMENT));
};

function decodeBody(body: unknown, format: ExportFormat): DecodedTraces {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (format === 'protobuf') return decodeTracesProtobuf(bytes);
  if (bytes.length === 0) throw invalidExport('request body is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw invalidExport(`request body is not valid JSON: ${(error as Error).message}`);
  }
  return decodeTracesJson(parsed);
}

function send(res: Response, status: number, format: ExportFormat, json: object, protobuf: Uint8Array): void {
  res.status(status).type(MEDIA_TYPES[format]);
  res.send(format === 'protobuf' ? Buffer.from(protobuf) : JSON.stringify(json));
}

function sendExportResponse(res: Response, format: ExportFormat, partial: PartialSuccess | undefined): void {
  send(res, 200, format, exportResponseJson(partial), exportResponseProtobuf(partial));
}

function sendFailure(res: Response, status: number, format: ExportFormat, failure: ExportFailure): void {
  send(res, status, format, statusJson(failure), statusProtobuf(failure));
}

// Refusals answer in google.rpc.Status, encoded like the request (JSON when its type was neither).
function sendRefusals(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const refusal = refusalOf(error);
    if (refusal.status >= 500) logger.error({ err: error }, 'OTLP export failed');
    sendFailure(res, refusal.status, formatOf(req) ?? 'json', toExportFailure(refusal));
  };
}

/**
 * POST /v1/traces like the OpenTelemetry collector's OTLP/HTTP receiver: binary protobuf or JSON,
 * either of them gzip (or deflate, br) encoded, up to maxPayloadBytes after decompression.
 */
export function otlpRoutes(store: TraceStore, maxPayloadBytes: number, logger: Logger): Router {
  const router = Router();
  const readBody = express.raw({ type: () => true, limit: maxPayloadBytes });
  router.post('/v1/traces', requireOtlpType, readBody, (req, res) => {
    const format = formatOf(req) ?? 'json';
    sendExportResponse(res, format, exportTraces(store, () => decodeBody(req.body, format)));
  });
  router.use(sendRefusals(logger));
  return router;
}
