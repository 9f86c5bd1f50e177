import {
  decodeExportResponseProtobuf,
  decodeStatusProtobuf,
  exportResponseJson,
  exportResponseProtobuf,
  statusJson,
  statusProtobuf,
  traceExportMethodPath,
} from '../src';

const field = 'resourceSpans[0].scopeSpans[0].spans[0].traceId';
const failure = { code: 3, message: `${field}: must be 32 hex characters`, fieldViolations: [{ field, description: 'must be 32 hex characters' }] };

it('answers a full success with an empty response, and a partial one with its counts', () => {
  expect(exportResponseJson()).toEqual({ partialSuccess: {} });
  expect(exportResponseProtobuf()).toHaveLength(0);
  expect(decodeExportResponseProtobuf(exportResponseProtobuf())).toBeUndefined();
  const partial = { rejectedSpans: 2, errorMessage: 'resourceSpans[0].scopeSpans[0].spans[1].traceId is empty or all zeros' };
  expect(exportResponseJson(partial)).toEqual({ partialSuccess: { rejectedSpans: '2', errorMessage: partial.errorMessage } });
  expect(decodeExportResponseProtobuf(exportResponseProtobuf(partial))).toEqual(partial);
});

it('writes google.rpc.Status with a BadRequest detail in both encodings', () => {
  expect(statusJson(failure)).toEqual({
    code: 3,
    message: failure.message,
    details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: failure.fieldViolations }],
  });
  expect(statusJson({ code: 8, message: 'too large' })).toEqual({ code: 8, message: 'too large', details: [] });
  expect(decodeStatusProtobuf(statusProtobuf(failure))).toEqual(failure);
  expect(decodeStatusProtobuf(statusProtobuf({ code: 8, message: 'too large' }))).toEqual({ code: 8, message: 'too large', fieldViolations: undefined });
});

it('names the gRPC method of the trace service', () => {
  expect(traceExportMethodPath()).toBe('/opentelemetry.proto.collector.trace.v1.TraceService/Export');
});
