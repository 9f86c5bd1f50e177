import http2 from 'node:http2';
import zlib from 'node:zlib';
import { credentials, makeGenericClientConstructor, status, type Client, type ServiceError } from '@grpc/grpc-js';
import { decodeExportResponseProtobuf, decodeStatusProtobuf, decodeTracesJson, encodeTracesProtobuf, traceExportMethodPath } from '@tracecart/otlp';
import { exportBatches, makeCheckoutTrace, toTracesData } from './fixtures/checkout-traces';
import { BASE_NS } from './support/checkout-dataset';
import { startTestTracestore, toProtobuf, type RunningTracestore } from './support/running-tracestore';

// The OTLP/gRPC receiver, called the way exporters call it (TraceService/Export, optionally
// gzip-compressed), with malformed and oversized requests among good ones.
const MAX_PAYLOAD_BYTES = 64 * 1024;
let tracestore: RunningTracestore;
let nextIndex = 300;
const clients: Client[] = [];

beforeAll(async () => {
  tracestore = await startTestTracestore({ maxPayloadBytes: MAX_PAYLOAD_BYTES });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await tracestore.close();
});

type ExportClient = Client & { Export(request: Buffer, callback: (error: ServiceError | null, response?: Buffer) => void): void };

const asBytes = (bytes: Buffer) => bytes;
const TraceServiceClient = makeGenericClientConstructor(
  {
    Export: {
      path: traceExportMethodPath(),
      requestStream: false,
      responseStream: false,
      requestSerialize: asBytes,
      requestDeserialize: asBytes,
      responseSerialize: asBytes,
      responseDeserialize: asBytes,
    },
  },
  'TraceService',
);

function connect(gzip = false): ExportClient {
  const options = gzip ? { 'grpc.default_compression_algorithm': 2 } : {};
  const client = new TraceServiceClient(tracestore.grpcAddress, credentials.createInsecure(), options) as unknown as ExportClient;
  clients.push(client);
  return client;
}

function callExport(client: ExportClient, request: Buffer): Promise<{ response?: Buffer; error?: ServiceError }> {
  return new Promise((resolve) => client.Export(request, (error, response) => resolve(error ? { error } : { response })));
}

function freshTrace(items = 2) {
  return makeCheckoutTrace({ index: nextIndex++, startNs: BASE_NS, items });
}

async function expectStored(traceId: string, stored: boolean): Promise<void> {
  expect((await tracestore.get(`/api/v3/traces/${traceId}`)).status).toBe(stored ? 200 : 404);
}

// After every refusal the receiver must still take a normal export.
async function expectStillServing(): Promise<void> {
  const trace = freshTrace();
  for (const body of exportBatches([trace])) expect((await callExport(connect(), toProtobuf(body))).error).toBeUndefined();
  await expectStored(trace.traceId, true);
}

async function expectRefused(request: Promise<{ error?: ServiceError }>, code: status, message?: RegExp): Promise<ServiceError> {
  const { error } = await request;
  expect(error?.code).toBe(code);
  if (message) expect(error?.details).toMatch(message);
  await expectStillServing();
  return error as ServiceError;
}

it('takes an export, plain and gzip-compressed, and answers a full success', async () => {
  const [plain, gzipped] = [freshTrace(), freshTrace()];
  for (const body of exportBatches([plain])) {
    const { response } = await callExport(connect(), toProtobuf(body));
    expect(decodeExportResponseProtobuf(response as Buffer)).toBeUndefined();
  }
  for (const body of exportBatches([gzipped])) expect((await callExport(connect(true), toProtobuf(body))).error).toBeUndefined();
  await expectStored(plain.traceId, true);
  await expectStored(gzipped.traceId, true);
});

it('answers INVALID_ARGUMENT to truncated protobuf', async () => {
  const bytes = toProtobuf(exportBatches([freshTrace()])[0]);
  await expectRefused(callExport(connect(), bytes.subarray(0, bytes.length - 7)), status.INVALID_ARGUMENT, /not a protobuf ExportTraceServiceRequest/);
});

it('answers INVALID_ARGUMENT to a bad id, naming the field in the status details, and stores nothing', async () => {
  const good = freshTrace();
  const body = toTracesData('gateway', good.entries.filter((e) => e.service === 'gateway'));
  body.resourceSpans?.[0].scopeSpans?.[0].spans?.push({ traceId: 'abcdef', spanId: '0000000000000001', name: 'short id' });
  const bytes = Buffer.from(encodeTracesProtobuf(decodeTracesJson(body, { ids: 'hex' })));
  const error = await expectRefused(callExport(connect(), bytes), status.INVALID_ARGUMENT, /must be 32 hex characters/);
  const details = decodeStatusProtobuf(error.metadata.get('grpc-status-details-bin')[0] as Buffer);
  expect(details.fieldViolations?.[0].field).toBe('resourceSpans[0].scopeSpans[0].spans[2].traceId');
  await expectStored(good.traceId, false);
});

it('answers RESOURCE_EXHAUSTED to a message over MAX_PAYLOAD_BYTES, also when only its decompressed size is', async () => {
  const big = toProtobuf({ resourceSpans: exportBatches([freshTrace(80)]).flatMap((b) => b.resourceSpans ?? []) });
  expect(big.length).toBeGreaterThan(MAX_PAYLOAD_BYTES);
  await expectRefused(callExport(connect(), big), status.RESOURCE_EXHAUSTED);
  const padding = { key: 'padding', value: { stringValue: ' '.repeat(4 * MAX_PAYLOAD_BYTES) } };
  const bomb = toProtobuf({ resourceSpans: [{ resource: { attributes: [padding] } }] });
  expect(zlib.gzipSync(bomb).length).toBeLessThan(MAX_PAYLOAD_BYTES);
  await expectRefused(callExport(connect(true), bomb), status.RESOURCE_EXHAUSTED, /decompresses to a size larger than/);
});

// A gRPC message whose compressed flag is set but whose bytes are not gzip, sent over raw HTTP/2.
function sendCorruptGzip(): Promise<{ error?: ServiceError }> {
  const payload = Buffer.from('definitely not gzip');
  const header = Buffer.alloc(5);
  header.writeUInt8(1, 0);
  header.writeUInt32BE(payload.length, 1);
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${tracestore.grpcAddress}`);
    const call = session.request({ ':method': 'POST', ':path': traceExportMethodPath(), 'content-type': 'application/grpc', te: 'trailers', 'grpc-encoding': 'gzip' });
    let code: number | undefined;
    const read = (headers: http2.IncomingHttpHeaders) => (code ??= headers['grpc-status'] === undefined ? undefined : Number(headers['grpc-status']));
    call.on('response', read);
    call.on('trailers', read);
    call.on('error', reject);
    call.on('close', () => {
      session.close();
      resolve({ error: { code } as ServiceError });
    });
    call.resume();
    call.end(Buffer.concat([header, payload]));
  });
}

it('answers an error status to gzip garbage and keeps serving', async () => {
  const { error } = await sendCorruptGzip();
  // grpc-js decompresses before the handler runs and reports a failed decompression as INTERNAL.
  expect(error?.code).toBe(status.INTERNAL);
  await expectStillServing();
});

it('keeps the spans it can and reports the others as a partial success', async () => {
  const good = freshTrace();
  const body = toTracesData('gateway', good.entries.filter((e) => e.service === 'gateway'));
  body.resourceSpans?.[0].scopeSpans?.[0].spans?.push({ traceId: '5b8efff798038103d269b633813fc60c', spanId: '0000000000000000', name: 'no span id' });
  const { response, error } = await callExport(connect(), toProtobuf(body));
  expect(error).toBeUndefined();
  expect(decodeExportResponseProtobuf(response as Buffer)).toEqual({
    rejectedSpans: 1,
    errorMessage: '1 span(s) not stored: resourceSpans[0].scopeSpans[0].spans[2].spanId is empty or all zeros',
  });
  await expectStored(good.traceId, true);
});
