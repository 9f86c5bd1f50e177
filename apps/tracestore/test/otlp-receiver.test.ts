import zlib from 'node:zlib';
import { exportBatches, makeCheckoutTrace, toTracesData } from './fixtures/checkout-traces';
import { BASE_NS } from './support/checkout-dataset';
import { startTestTracestore, type RunningTracestore } from './support/running-tracestore';

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

// After every refusal, the receiver must still take a normal export.
async function expectStillServing(): Promise<void> {
  const trace = freshTrace();
  for (const body of exportBatches([trace])) expect((await tracestore.post(body)).status).toBe(200);
  await expectStored(trace.traceId, true);
}

// Sends bytes that claim to be gzip as they are (post() would compress them again).
function postGzipped(bytes: Buffer): Promise<Response> {
  return fetch(`${tracestore.otlpUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: bytes,
  });
}

async function expectRefused(response: Response, status: number, code: string, message?: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message).toMatch(message);
  await expectStillServing();
}

it('answers an accepted export like the OTel collector', async () => {
  const trace = freshTrace();
  const response = await tracestore.post(exportBatches([trace])[0]);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  await expect(response.json()).resolves.toEqual({ partialSuccess: {} });
});

it('accepts gzip-encoded bodies', async () => {
  const trace = freshTrace();
  for (const body of exportBatches([trace])) expect((await tracestore.post(body, { gzip: true })).status).toBe(200);
  await expectStored(trace.traceId, true);
});

it('refuses malformed JSON with 400 and keeps serving', async () => {
  await expectRefused(await tracestore.post('{"resourceSpans": ['), 400, 'invalid_json');
  await expectRefused(await tracestore.post(''), 400, 'invalid_json');
});

it('refuses JSON that is not TracesData with 400 naming the field', async () => {
  await expectRefused(await tracestore.post('[]'), 400, 'invalid_request', /body: must be a JSON object/);
  await expectRefused(await tracestore.post('{"resourceSpans":{}}'), 400, 'invalid_request', /resourceSpans: must be an array/);
  const badKind = toTracesData('gateway', freshTrace().entries.slice(0, 1));
  const span = badKind.resourceSpans?.[0].scopeSpans?.[0].spans?.[0];
  if (span) span.kind = 9;
  await expectRefused(await tracestore.post(badKind), 400, 'invalid_request', /resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.kind: must be an integer/);
});

it('stores nothing of a batch with one bad span', async () => {
  const good = freshTrace();
  const body = toTracesData('gateway', [...good.entries.filter((e) => e.service === 'gateway')]);
  body.resourceSpans?.[0].scopeSpans?.[0].spans?.push({ traceId: 'not-hex', spanId: '0000000000000001', name: 'x' });
  await expectRefused(await tracestore.post(body), 400, 'invalid_request', /spans\[2\]\.traceId: must be 32 hex characters/);
  await expectStored(good.traceId, false);
});

it('refuses a body over MAX_PAYLOAD_BYTES with 413, also when only its decompressed size is', async () => {
  const big = JSON.stringify({ resourceSpans: exportBatches([freshTrace(40)]).flatMap((b) => b.resourceSpans ?? []) });
  expect(big.length).toBeGreaterThan(MAX_PAYLOAD_BYTES);
  await expectRefused(await tracestore.post(big), 413, 'payload_too_large');
  const bomb = zlib.gzipSync(`{"resourceSpans":[],"padding":"${' '.repeat(4 * MAX_PAYLOAD_BYTES)}"}`);
  expect(bomb.length).toBeLessThan(MAX_PAYLOAD_BYTES);
  await expectRefused(await postGzipped(bomb), 413, 'payload_too_large');
});

it('refuses a corrupt gzip body with 400', async () => {
  await expectRefused(await postGzipped(Buffer.from('definitely not gzip')), 400, 'invalid_request', /could not be read/);
});

it('refuses protobuf with 415 and says to export JSON', async () => {
  const response = await tracestore.post(Buffer.from([0x0a, 0x00]), { contentType: 'application/x-protobuf' });
  await expectRefused(response, 415, 'unsupported_media_type', /http\/json/);
  await expectRefused(await tracestore.post('{}', { contentType: 'text/plain' }), 415, 'unsupported_media_type');
});
