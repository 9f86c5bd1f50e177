import { Metadata, Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall, type ServiceDefinition } from '@grpc/grpc-js';
import { decodeTracesProtobuf, exportResponseProtobuf, statusProtobuf, traceExportMethodPath } from '@tracecart/otlp';
import type { Logger } from '@tracecart/tracing';
import { ListenError } from '../listen';
import type { TraceStore } from '../store/trace-store';
import { refusalOf, toExportFailure } from './export-refusal';
import { exportTraces } from './export-traces';

// Messages pass through grpc-js as raw bytes: decoding happens in the handler, so a malformed
// request is answered INVALID_ARGUMENT like a collector does, not as a transport failure.
const asBytes = (bytes: Buffer) => bytes;

function traceService(): ServiceDefinition {
  const method = { path: traceExportMethodPath(), requestStream: false, responseStream: false };
  const codec = { requestSerialize: asBytes, requestDeserialize: asBytes, responseSerialize: asBytes, responseDeserialize: asBytes };
  return { Export: { ...method, ...codec } };
}

function exportHandler(store: TraceStore, logger: Logger) {
  return (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
    try {
      callback(null, Buffer.from(exportResponseProtobuf(exportTraces(store, () => decodeTracesProtobuf(call.request)))));
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal.status >= 500) logger.error({ err: error }, 'OTLP/gRPC export failed');
      // The google.rpc.Status with its BadRequest detail, where rich-error clients look for it.
      const metadata = new Metadata();
      metadata.set('grpc-status-details-bin', Buffer.from(statusProtobuf(toExportFailure(refusal))));
      callback({ name: refusal.name, message: refusal.message, code: refusal.grpcCode, details: refusal.message, metadata });
    }
  };
}

function listenErrorOf(error: Error, port: number): ListenError {
  // grpc-js reports the bind failure as text: "No address added ...: [listen EADDRINUSE: ...]".
  const code = /\b(E[A-Z]{3,})\b/.exec(error.message)?.[1] ?? error.message;
  return new ListenError(port, 'OTLP_GRPC_PORT', code);
}

/** What the gRPC receiver needs. */
export interface GrpcReceiverOptions {
  host: string;
  port: number;
  maxPayloadBytes: number;
  logger: Logger;
}

/** Starts the OTLP/gRPC receiver (TraceService/Export); resolves with it and the port it got. */
export function startGrpcReceiver(store: TraceStore, options: GrpcReceiverOptions): Promise<{ server: Server; port: number }> {
  // The limit applies after decompression too; larger messages get RESOURCE_EXHAUSTED.
  const server = new Server({ 'grpc.max_receive_message_length': options.maxPayloadBytes });
  server.addService(traceService(), { Export: exportHandler(store, options.logger) });
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return new Promise((resolve, reject) => {
    server.bindAsync(`${host}:${options.port}`, ServerCredentials.createInsecure(), (error, port) => {
      if (error) reject(listenErrorOf(error, options.port));
      else resolve({ server, port });
    });
  });
}

/** Stops the gRPC receiver: calls in flight get up to graceMs, then the rest are cancelled. */
export function stopGrpcReceiver(server: Server, graceMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.forceShutdown(), graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
