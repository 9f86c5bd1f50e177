import { extractMetricNames, parseMatchers, scanPromql } from '../src';

describe('scanPromql', () => {
  it('finds the histogram series and its grouping labels, not functions or variables', () => {
    const refs = scanPromql('histogram_quantile(0.99, sum by (service, route, le) (rate(http_server_request_duration_seconds_bucket{service=~"$service"}[$__rate_interval])))');
    expect(refs.metrics).toEqual(['http_server_request_duration_seconds_bucket']);
    expect(refs.groupingLabels).toEqual(['service', 'route', 'le']);
    expect(refs.matchers).toEqual([{ name: 'service', op: '=~', value: '$service' }]);
  });

  it('reads a trailing by clause, on/group_left labels and both sides of a binary operator', () => {
    expect(scanPromql('sum(rate(a_total[5m])) by (le)').groupingLabels).toEqual(['le']);
    const refs = scanPromql('a_total / on (service) group_left (route) b_total');
    expect(refs.metrics).toEqual(['a_total', 'b_total']);
    expect(refs.groupingLabels).toEqual(['service', 'route']);
  });

  it('keeps recording-rule names with colons and skips offsets, numbers and keywords', () => {
    expect(extractMetricNames('1 - slo:checkout_latency_errors:ratio_rate5m offset 1h > bool 1e-3')).toEqual([
      'slo:checkout_latency_errors:ratio_rate5m',
    ]);
    expect(extractMetricNames('(sum(rate(x_count{status=~"5.."}[1h30m])) or vector(0)) / 14.4')).toEqual(['x_count']);
    expect(extractMetricNames('a and b unless c')).toEqual(['a', 'b', 'c']);
  });

  it('ignores string arguments and reads __name__ matchers', () => {
    expect(extractMetricNames('label_replace(up, "dst", "$1", "instance", "(.*):.*")')).toEqual(['up']);
    expect(extractMetricNames('{__name__="db_client_connections", state="idle"}')).toEqual(['db_client_connections']);
    expect(extractMetricNames('count_values("value", cache_lookups_total)')).toEqual(['cache_lookups_total']);
  });

  it('throws on unbalanced brackets or strings instead of guessing', () => {
    expect(() => scanPromql('rate(x[5m)')).toThrow(/unbalanced/);
    expect(() => scanPromql('x{route="/a}')).toThrow(/unterminated|unbalanced/);
  });
});

describe('parseMatchers', () => {
  it('splits at commas outside quotes only', () => {
    expect(parseMatchers('route=~"/a,b", status!="500"')).toEqual([
      { name: 'route', op: '=~', value: '/a,b' },
      { name: 'status', op: '!=', value: '500' },
    ]);
  });

  it('rejects a matcher it cannot read', () => {
    expect(() => parseMatchers('route==x')).toThrow(/cannot read/);
  });
});
