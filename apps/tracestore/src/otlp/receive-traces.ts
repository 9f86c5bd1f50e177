import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { HttpError } from '@tracecart/http-kit';
import { InvalidTracesError } from '../store/otlp-fields';
import type { TraceStore } from '../store/trace-store';

const PROTOBUF_MESSAGE =
  'OTLP protobuf is not supported by the tracestore; export OTLP/HTTP JSON instead (OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/json)';

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

// Checked before the body is read, so a refused request costs nothing to parse.
const requireJson: RequestHandler = (req, _res, next) => {
  const type = mediaType(req.get('content-type'));
  if (type === 'application/json') next();
  else if (type === 'application/x-protobuf') next(new HttpError(415, 'unsupported_media_type', PROTOBUF_MESSAGE));
  else next(new HttpError(415, 'unsupported_media_type', `content type "${type || '(none)'}" is not supported; send application/json`));
};

function parseJson(body: unknown): unknown {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(400, 'invalid_json', 'request body is empty');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, 'invalid_json', `request body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * POST /v1/traces like the OpenTelemetry collector's OTLP/HTTP receiver: JSON (gzip, deflate or
 * br encoded too) up to maxPayloadBytes after decompression; 200 {"partialSuccess":{}}.
 */
export function otlpRoutes(store: TraceStore, maxPayloadBytes: number): Router {
  const router = Router();
  const readBody = express.raw({ type: () => true, limit: maxPayloadBytes });
  router.post('/v1/traces', requireJson, readBody, (req, res) => {
    const body = parseJson(req.body);
    try {
      store.ingest(body);
    } catch (error) {
      if (error instanceof InvalidTracesError) throw new HttpError(400, 'invalid_request', `not OTLP TracesData: ${error.message}`);
      throw error;
    }
    res.json({ partialSuccess: {} });
  });
  return router;
}

const TYPES_THE_KIT_MAPS = new Set(['entity.too.large', 'entity.parse.failed', 'encoding.unsupported', 'charset.unsupported']);

/** Reports body-reading failures the kit does not know (a corrupt gzip stream, an aborted upload) as 4xx, not 500. */
export function mapBodyReadErrors(): ErrorRequestHandler {
  return (error, _req, _res, next) => {
    const readError = error as { status?: number; type?: string; message?: string };
    const status = readError.status;
    const isClientFault = typeof status === 'number' && status >= 400 && status < 500;
    if (!(error instanceof HttpError) && isClientFault && !TYPES_THE_KIT_MAPS.has(readError.type ?? '')) {
      next(new HttpError(status, 'invalid_request', `request body could not be read: ${readError.message ?? 'unknown error'}`));
      return;
    }
    next(error);
  };
}
