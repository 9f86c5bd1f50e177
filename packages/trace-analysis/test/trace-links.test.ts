// Links between traces: a consumer's trace links (not parents) to the producer span of the
// checkout that sent its message; each side finds the other.
import { buildTraceTree, linkedTraceIds, tracesLinkingTo } from '../src';
import { idOf, toTracesData, withCrossTraceLink, type SpanSpec } from '@tracecart/testkit';

const CHECKOUT = '11111111111111111111111111111111';
const DELIVERY_A = '22222222222222222222222222222222';
const DELIVERY_B = '33333333333333333333333333333333';

// The checkout's trace: its server span and the producer span it sent the message from.
const checkout: SpanSpec[] = [
  { id: 'co', traceId: CHECKOUT, service: 'order', name: 'POST /orders', kind: 2, start: 0, end: 40 },
  { id: 'send', traceId: CHECKOUT, parent: 'co', service: 'order', name: 'send order.placed', kind: 4, start: 30, end: 31 },
];

// A delivery's trace, its consumer span linking to the producer span in the checkout's trace.
function deliveryTrace(traceId: string, label: string): SpanSpec[] {
  return [
    { id: label, traceId, service: 'fulfilment', name: 'process order.placed', kind: 5, start: 100, end: 185 },
    { id: `${label}x`, traceId, parent: label, service: 'fulfilment', name: 'EXPLAIN', kind: 3, start: 110, end: 111, links: [label] },
  ];
}

function trees() {
  let data = toTracesData([...checkout, ...deliveryTrace(DELIVERY_A, 'da'), ...deliveryTrace(DELIVERY_B, 'db')]);
  data = withCrossTraceLink(data, 'da', CHECKOUT, 'send');
  data = withCrossTraceLink(data, 'db', CHECKOUT.toUpperCase(), 'send');
  return buildTraceTree(data);
}

describe('links between traces', () => {
  it('lists the traces a consumer’s trace links to, leaving out links within the trace', () => {
    const delivery = trees().find((t) => t.traceId === DELIVERY_A)!;
    expect(linkedTraceIds(delivery)).toEqual([{ traceId: CHECKOUT, links: [{ fromSpanId: idOf('da'), toSpanId: idOf('send') }] }]);
  });

  it('lists nothing for a trace that links nowhere else', () => {
    expect(linkedTraceIds(trees().find((t) => t.traceId === CHECKOUT)!)).toEqual([]);
  });

  it('finds the traces that link to a producer’s trace, whatever the case of the id asked for', () => {
    const all = trees();
    const expected = [
      { traceId: DELIVERY_A, links: [{ fromSpanId: idOf('da'), toSpanId: idOf('send') }] },
      { traceId: DELIVERY_B, links: [{ fromSpanId: idOf('db'), toSpanId: idOf('send') }] },
    ];
    expect(tracesLinkingTo(all, CHECKOUT)).toEqual(expected);
    expect(tracesLinkingTo(all, CHECKOUT.toUpperCase())).toEqual(expected);
    expect(tracesLinkingTo(all, DELIVERY_A)).toEqual([]);
  });
});
