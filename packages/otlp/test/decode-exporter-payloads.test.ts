import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { decodeTracesJson, decodeTracesProtobuf, encodeTracesProtobuf, OtlpDecodeError, serviceNameOf, type DecodedSpan, type DecodedTraces } from '../src';
import { recordCheckoutSpans } from './support/sdk-spans';

// Payloads made by the serializers the official OTLP exporters use, decoded by this package.
let spans: ReadableSpan[];
let fromProtobuf: DecodedTraces;
let fromJson: DecodedTraces;

beforeAll(async () => {
  spans = await recordCheckoutSpans();
  fromProtobuf = decodeTracesProtobuf(ProtobufTraceSerializer.serializeRequest(spans) as Uint8Array);
  fromJson = decodeTracesJson(JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans) as Uint8Array).toString('utf8')));
});

function decodedSpans(data: DecodedTraces): DecodedSpan[] {
  return data.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
}

function byName(data: DecodedTraces, name: string): DecodedSpan {
  const span = decodedSpans(data).find((s) => s.name === name);
  if (!span) throw new Error(`no span named ${name}`);
  return span;
}

it('decodes protobuf and JSON from the official serializers to the same model', () => {
  expect(fromProtobuf).toEqual(fromJson);
  expect(decodedSpans(fromProtobuf)).toHaveLength(spans.length);
});

it('keeps ids, parents, kinds, times and status', () => {
  for (const sdkSpan of spans) {
    const span = byName(fromProtobuf, sdkSpan.name);
    expect(span.traceId).toBe(sdkSpan.spanContext().traceId);
    expect(span.spanId).toBe(sdkSpan.spanContext().spanId);
    expect(span.parentSpanId).toBe(sdkSpan.parentSpanContext?.spanId ?? '');
    expect(span.kind).toBe(sdkSpan.kind + 1);
    const [seconds, nanos] = sdkSpan.startTime;
    expect(span.startTimeUnixNano).toBe(BigInt(seconds) * 1_000_000_000n + BigInt(nanos));
  }
  expect(byName(fromProtobuf, 'POST').status).toEqual({ code: 2, message: 'order answered 503' });
  expect(serviceNameOf(fromProtobuf.resourceSpans[0].resource.attributes)).toBe('gateway');
  expect(fromProtobuf.resourceSpans[0].scopeSpans[0].scope).toMatchObject({ name: 'otlp-test', version: '1.0.0' });
});

it('keeps attributes of every kind, events and links', () => {
  const root = byName(fromProtobuf, 'POST /api/checkout');
  expect(root.attributes).toEqual(
    expect.arrayContaining([
      { key: ATTR_HTTP_RESPONSE_STATUS_CODE, value: { intValue: '201' } },
      { key: 'lab.ratio', value: { doubleValue: 0.25 } },
      { key: 'lab.fix.index', value: { boolValue: true } },
    ]),
  );
  const call = byName(fromProtobuf, 'POST');
  expect(call.attributes).toEqual([
    { key: 'lab.skus', value: { arrayValue: { values: [{ stringValue: 'SKU-0000001' }, { stringValue: 'SKU-0000002' }] } } },
    { key: 'lab.counts', value: { arrayValue: { values: [{ intValue: '1' }, { intValue: '2' }] } } },
  ]);
  expect(call.events).toEqual([expect.objectContaining({ name: 'retry', attributes: [{ key: 'lab.attempt', value: { intValue: '2' } }] })]);
  const link = byName(fromProtobuf, 'sweep').links[0];
  expect(link).toMatchObject({ traceId: root.traceId, spanId: root.spanId, attributes: [{ key: 'lab.reason', value: { stringValue: 'follows' } }] });
});

it('encodes the model back to protobuf that decodes to the same model', () => {
  expect(decodeTracesProtobuf(encodeTracesProtobuf(fromJson))).toEqual(fromJson);
  const attributes = [
    { key: 'nan', value: { doubleValue: 'NaN' } },
    { key: 'bytes', value: { bytesValue: 'aGk=' } },
    { key: 'nested', value: { kvlistValue: { values: [{ key: 'min', value: { intValue: '-9223372036854775808' } }] } } },
  ];
  const span = { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', attributes };
  const odd = decodeTracesJson({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
  expect(decodeTracesProtobuf(encodeTracesProtobuf(odd))).toEqual(odd);
});

it('refuses truncated and garbage protobuf with a decode error, and takes an empty request', () => {
  const bytes = ProtobufTraceSerializer.serializeRequest(spans) as Uint8Array;
  expect(() => decodeTracesProtobuf(bytes.subarray(0, bytes.length - 5))).toThrow(OtlpDecodeError);
  expect(() => decodeTracesProtobuf(Buffer.from('{"resourceSpans":[]}'))).toThrow(/not a protobuf ExportTraceServiceRequest/);
  expect(decodeTracesProtobuf(new Uint8Array())).toEqual({ resourceSpans: [] });
});
