import type { OtlpSpan } from '@tracecart/otlp';
import { isTraceComplete, type ReceivedSpan } from '../src';

function span(id: string, parent: string | undefined, kind: number, attributes: Record<string, string> = {}): ReceivedSpan {
  const otlp: OtlpSpan = { traceId: 't'.repeat(32), spanId: id, parentSpanId: parent, name: id, kind };
  return { service: 'svc', span: otlp, attributes };
}

describe('isTraceComplete', () => {
  const root = span('root', undefined, 2);
  const call = span('call', 'root', 3, { 'http.request.method': 'GET' });
  const callee = span('callee', 'call', 2);

  it('is true once every call has its server span and every parent is present', () => {
    expect(isTraceComplete([root, call, callee])).toBe(true);
  });

  it('waits for a callee that has not arrived yet', () => {
    expect(isTraceComplete([root, call])).toBe(false);
  });

  it('waits for a missing parent and for the root', () => {
    expect(isTraceComplete([call, callee])).toBe(false);
    expect(isTraceComplete([root, callee])).toBe(false);
  });

  it('accepts a call that failed before reaching its callee', () => {
    expect(isTraceComplete([root, span('call', 'root', 3, { 'http.request.method': 'GET', 'error.type': 'ECONNREFUSED' })])).toBe(true);
  });
});
