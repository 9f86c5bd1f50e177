import zlib from 'node:zlib';
import {
  decodeExportResponseProtobuf,
  decodeStatusProtobuf,
  decodeTracesJson,
  encodeTracesProtobuf,
  type ExportFailure,
  type PartialSuccess,
  type TracesData,
} from '@tracecart/otlp';
import { exportBatches, makeCheckoutTrace, toTracesData } from './fixtures/checkout-traces';
import { BASE_NS } from './support/checkout-dataset';
import { JSON_TYPE, PROTOBUF_TYPE, startTestTracestore, toProtobuf, type RunningTracestore } from './support/running-tracestore';

// The OTLP/HTTP receiver with both encodings: what it takes, and how it refuses (HTTP status plus
// a google.rpc.Status body encoded like the request), always serving on afterwards.
const MAX_PAYLOAD_BYTES = 64 * 1024;
let tracestore: RunningTracestore;
let nextIndex = 100;

beforeAll(async () => {
  tracestore = await startTestTracestore({ maxPayloadBytes: MAX_PAYLOAD_BYTES });
});
afterAll(() => tracestore.close());

function freshTrace(items = 2) {
  return makeCheckoutTrace({ index: nextIndex++, startNs: BASE_NS, items });
}

async function expectStored(traceId: string, stored: boolean): Promise<void> {
  expect((await tracestore.get(`/api/v3/traces/${traceId}`)).status).toBe(stored ? 200 : 404);
}

// After every refusal, the receiver must still take a normal export in both encodings.
async function expectStillServing(): Promise<void> {
  const [viaJson, viaProtobuf] = [freshTrace(), freshTrace()];
  for (const body of exportBatches([viaJson])) expect((await tracestore.post(body)).status).toBe(200);
  for (const body of exportBatches([viaProtobuf])) expect((await tracestore.post(toProtobuf(body), { contentType: PROTOBUF_TYPE })).status).toBe(200);
  await expectStored(viaJson.traceId, true);
  await expectStored(viaProtobuf.traceId, true);
}

async function readStatus(response: Response): Promise<ExportFailure> {
  if (response.headers.get('content-type')?.startsWith(PROTOBUF_TYPE)) return decodeStatusProtobuf(new Uint8Array(await response.arrayBuffer()));
  const body = (await response.json()) as { code: number; message: string; details: Array<{ fieldViolations?: ExportFailure['fieldViolations'] }> };
  return { code: body.code, message: body.message, fieldViolations: body.details[0]?.fieldViolations };
}

async function readPartialSuccess(response: Response): Promise<PartialSuccess | undefined> {
  if (response.headers.get('content-type')?.startsWith(PROTOBUF_TYPE)) return decodeExportResponseProtobuf(new Uint8Array(await response.arrayBuffer()));
  const { partialSuccess } = (await response.json()) as { partialSuccess: { rejectedSpans?: string; errorMessage?: string } };
  return partialSuccess.rejectedSpans ? { rejectedSpans: Number(partialSuccess.rejectedSpans), errorMessage: partialSuccess.errorMessage ?? '' } : undefined;
}

async function expectRefused(response: Response, status: number, contentType: string, message?: RegExp): Promise<ExportFailure> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')?.split(';')[0]).toBe(contentType);
  const failure = await readStatus(response);
  if (message) expect(failure.message).toMatch(message);
  await expectStillServing();
  return failure;
}

// Sends bytes that claim to be gzip as they are (post() would compress them again).
function postGzipped(bytes: Buffer, contentType: string): Promise<Response> {
  return fetch(`${tracestore.otlpUrl}/v1/traces`, { method: 'POST', headers: { 'content-type': contentType, 'content-encoding': 'gzip' }, body: bytes });
}

// A batch holding one good trace's gateway spans, then `extra` appended to its span list.
function gatewayBatchWith(extra: (spans: NonNullable<TracesData['resourceSpans']>[number]) => void) {
  const good = freshTrace();
  const body = toTracesData('gateway', good.entries.filter((e) => e.service === 'gateway'));
  extra(body.resourceSpans?.[0] as NonNullable<TracesData['resourceSpans']>[number]);
  return { good, body };
}

const ENCODINGS = [
  { name: 'JSON', contentType: JSON_TYPE, encode: (body: TracesData) => Buffer.from(JSON.stringify(body)) },
  { name: 'protobuf', contentType: PROTOBUF_TYPE, encode: toProtobuf },
];

describe.each(ENCODINGS)('OTLP/HTTP $name', ({ contentType, encode }) => {
  it('takes an export, plain and gzip-encoded, and answers a full success', async () => {
    const [plain, gzipped] = [freshTrace(), freshTrace()];
    for (const body of exportBatches([plain])) {
      const response = await tracestore.post(encode(body), { contentType });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')?.split(';')[0]).toBe(contentType);
      expect(await readPartialSuccess(response)).toBeUndefined();
    }
    for (const body of exportBatches([gzipped])) expect((await tracestore.post(encode(body), { contentType, gzip: true })).status).toBe(200);
    await expectStored(plain.traceId, true);
    await expectStored(gzipped.traceId, true);
  });

  it('stores nothing of a request with a bad id, and names the field', async () => {
    const { good, body } = gatewayBatchWith((rs) => rs.scopeSpans?.[0].spans?.push({ traceId: 'abcdef', spanId: '0000000000000001', name: 'x' }));
    // Protobuf carries ids as bytes: a 3-byte trace id is as wrong there as 6 hex digits in JSON.
    const bytes = contentType === JSON_TYPE ? encode(body) : Buffer.from(encodeTracesProtobuf(decodeTracesJson(body, { ids: 'hex' })));
    const failure = await expectRefused(await tracestore.post(bytes, { contentType }), 400, contentType, /must be 32 hex characters/);
    expect(failure.code).toBe(3);
    expect(failure.fieldViolations?.[0].field).toBe('resourceSpans[0].scopeSpans[0].spans[2].traceId');
    await expectStored(good.traceId, false);
  });

  it('refuses a malformed body with 400', async () => {
    const truncated = contentType === JSON_TYPE ? Buffer.from('{"resourceSpans": [') : toProtobuf(exportBatches([freshTrace()])[0]).subarray(0, 100);
    await expectRefused(await tracestore.post(truncated, { contentType }), 400, contentType, /not valid JSON|not a protobuf ExportTraceServiceRequest/);
  });

  it('refuses a corrupt gzip body with 400', async () => {
    await expectRefused(await postGzipped(Buffer.from('definitely not gzip'), contentType), 400, contentType, /could not be read/);
  });

  it('refuses a body over MAX_PAYLOAD_BYTES with 413, also when only its decompressed size is', async () => {
    const big = encode({ resourceSpans: exportBatches([freshTrace(80)]).flatMap((b) => b.resourceSpans ?? []) });
    expect(big.length).toBeGreaterThan(MAX_PAYLOAD_BYTES);
    await expectRefused(await tracestore.post(big, { contentType }), 413, contentType, /larger than MAX_PAYLOAD_BYTES/);
    const padding = { key: 'padding', value: { stringValue: ' '.repeat(4 * MAX_PAYLOAD_BYTES) } };
    const bomb = zlib.gzipSync(encode({ resourceSpans: [{ resource: { attributes: [padding] } }] }));
    expect(bomb.length).toBeLessThan(MAX_PAYLOAD_BYTES);
    await expectRefused(await postGzipped(bomb, contentType), 413, contentType);
  });

  it('keeps the spans it can and reports the others as a partial success', async () => {
    const { good, body } = gatewayBatchWith((rs) =>
      rs.scopeSpans?.[0].spans?.push({ traceId: '00000000000000000000000000000000', spanId: '0000000000000001', name: 'no trace' }),
    );
    const response = await tracestore.post(encode(body), { contentType });
    expect(response.status).toBe(200);
    const partial = await readPartialSuccess(response);
    expect(partial?.rejectedSpans).toBe(1);
    expect(partial?.errorMessage).toMatch(/spans\[2\]\.traceId is empty or all zeros/);
    await expectStored(good.traceId, true);
  });
});

it('refuses JSON that is not TracesData with 400, naming the field', async () => {
  await expectRefused(await tracestore.post('[]'), 400, JSON_TYPE, /^must be an object \(OTLP TracesData\)$/);
  const failure = await expectRefused(await tracestore.post('{"resourceSpans":{}}'), 400, JSON_TYPE, /^resourceSpans: must be an array$/);
  expect(failure.fieldViolations).toEqual([{ field: 'resourceSpans', description: failure.message }]);
  const badKind = toTracesData('gateway', freshTrace().entries.slice(0, 1));
  const span = badKind.resourceSpans?.[0].scopeSpans?.[0].spans?.[0];
  if (span) span.kind = 9;
  await expectRefused(await tracestore.post(badKind), 400, JSON_TYPE, /spans\[0\]\.kind: must be an integer from 0 to 5/);
});

it('refuses other content types with 415, answering in JSON', async () => {
  await expectRefused(await tracestore.post('{}', { contentType: 'text/plain' }), 415, JSON_TYPE, /application\/x-protobuf or application\/json/);
  const untyped = await fetch(`${tracestore.otlpUrl}/v1/traces`, { method: 'POST', body: new Uint8Array([0x0a, 0x00]) });
  await expectRefused(untyped, 415, JSON_TYPE);
});
