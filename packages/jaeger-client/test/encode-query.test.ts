import { encodeGetTraceOptions, encodeTraceQuery, formatGoDuration, DEFAULT_LOOKBACK_MS } from '../src';

describe('encodeTraceQuery', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');

  it("uses Jaeger 2.20's canonical camelCase names with RFC 3339 times, Go durations and JSON attributes", () => {
    const params = encodeTraceQuery(
      {
        serviceName: 'inventory',
        operationName: 'GET /internal/products/:sku',
        startTimeMin: new Date('2026-03-01T11:00:00.000Z'),
        startTimeMax: new Date('2026-03-01T11:30:00.250Z'),
        durationMin: 150,
        durationMax: 2.5,
        searchDepth: 20,
        attributes: { 'lab.fix.index': 'false', 'http.route': '/api/checkout' },
        rawTraces: true,
      },
      now,
    );
    expect(Object.fromEntries(params)).toEqual({
      'query.serviceName': 'inventory',
      'query.operationName': 'GET /internal/products/:sku',
      'query.startTimeMin': '2026-03-01T11:00:00.000Z',
      'query.startTimeMax': '2026-03-01T11:30:00.250Z',
      'query.durationMin': '150ms',
      'query.durationMax': '2500000ns',
      'query.searchDepth': '20',
      'query.attributes': '{"lab.fix.index":"false","http.route":"/api/checkout"}',
      'query.rawTraces': 'true',
    });
  });

  it('fills the start-time bounds Jaeger requires with the last hour', () => {
    const params = encodeTraceQuery({ serviceName: 'gateway' }, now);
    expect(params.get('query.startTimeMax')).toBe(now.toISOString());
    expect(params.get('query.startTimeMin')).toBe(new Date(now.getTime() - DEFAULT_LOOKBACK_MS).toISOString());
    expect([...params.keys()]).toEqual(['query.serviceName', 'query.startTimeMin', 'query.startTimeMax']);
  });

  it('refuses a query without a service, a bad searchDepth or a negative duration', () => {
    expect(() => encodeTraceQuery({ serviceName: '' })).toThrow('query.serviceName is required');
    expect(() => encodeTraceQuery({ serviceName: 'a', searchDepth: 0 })).toThrow(RangeError);
    expect(() => encodeTraceQuery({ serviceName: 'a', durationMin: -1 })).toThrow(RangeError);
  });
});

describe('formatGoDuration', () => {
  it('writes whole milliseconds as ms and fractions as ns (Go rejects exponents)', () => {
    expect(formatGoDuration(0)).toBe('0ms');
    expect(formatGoDuration(300)).toBe('300ms');
    expect(formatGoDuration(0.0001)).toBe('100ns');
  });
});

describe('encodeGetTraceOptions', () => {
  it('uses startTime, endTime and rawTraces', () => {
    const params = encodeGetTraceOptions({ startTime: new Date(0), endTime: new Date(1000), rawTraces: false });
    expect(params.toString()).toBe('startTime=1970-01-01T00%3A00%3A00.000Z&endTime=1970-01-01T00%3A00%3A01.000Z&rawTraces=false');
  });
});
