import { decodeTracesJson, resourceToJson, scopeToJson, spanToJson } from '../src';

const span = {
  traceId: '5B8EFFF798038103D269B633813FC60C',
  spanId: 'eee19b7ec3c1b174',
  parentSpanId: '0000000000000000',
  name: 'SELECT products',
  kind: 3,
  startTimeUnixNano: 1_700_000_000_000_000_000,
  endTimeUnixNano: '1700000000002000000',
  attributes: [{ key: 'lab.rows', value: { intValue: 1 } }],
  events: [{ name: 'cache.miss', timeUnixNano: '1700000000001000000' }],
  links: [{ traceId: '5b8efff798038103d269b633813fc60c', spanId: '00f067aa0ba902b7', flags: 257 }],
  droppedLinksCount: 0,
  status: { code: 2 },
};

it("writes a decoded span back in Jaeger's field order, zero values left out", () => {
  const decoded = decodeTracesJson({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] }).resourceSpans[0];
  const json = JSON.stringify(spanToJson(decoded.scopeSpans[0].spans[0]));
  expect(json).toBe(
    '{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"SELECT products","kind":3,' +
      '"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000002000000",' +
      '"attributes":[{"key":"lab.rows","value":{"intValue":"1"}}],' +
      '"events":[{"timeUnixNano":"1700000000001000000","name":"cache.miss"}],' +
      '"links":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"00f067aa0ba902b7","flags":257}],"status":{"code":2}}',
  );
  expect(resourceToJson(decoded.resource)).toEqual({});
  expect(scopeToJson(decoded.scopeSpans[0].scope)).toEqual({});
});
