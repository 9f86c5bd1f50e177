import path from 'node:path';
import protobuf from 'protobufjs';

// The official .proto files vendored in ../vendor (see its README for versions and licenses),
// loaded once with protobufjs. The google/protobuf well-known types come with protobufjs.

const PROTO_DIR = path.join(__dirname, '..', 'vendor');
const FILES = ['opentelemetry/proto/collector/trace/v1/trace_service.proto', 'google/rpc/status.proto', 'google/rpc/error_details.proto'];
const TRACE_SERVICE = 'opentelemetry.proto.collector.trace.v1.TraceService';

/** The message types and the service the receivers use. */
export interface OtlpProtoTypes {
  exportRequest: protobuf.Type;
  exportResponse: protobuf.Type;
  status: protobuf.Type;
  badRequest: protobuf.Type;
  traceService: protobuf.Service;
}

let loaded: OtlpProtoTypes | undefined;

function loadTypes(): OtlpProtoTypes {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : path.join(PROTO_DIR, target));
  root.loadSync(FILES);
  root.resolveAll();
  return {
    exportRequest: root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest'),
    exportResponse: root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse'),
    status: root.lookupType('google.rpc.Status'),
    badRequest: root.lookupType('google.rpc.BadRequest'),
    traceService: root.lookupService(TRACE_SERVICE),
  };
}

/** The protobuf types of the OTLP trace service and google.rpc errors, loaded on first use. */
export function otlpProtoTypes(): OtlpProtoTypes {
  loaded ??= loadTypes();
  return loaded;
}

/** The gRPC method path of TraceService/Export, from the service definition. */
export function traceExportMethodPath(): string {
  const service = otlpProtoTypes().traceService;
  return `/${service.fullName.replace(/^\./, '')}/${service.methods.Export.name}`;
}
