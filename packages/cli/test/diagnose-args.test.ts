import { UsageError } from '../src/command';
import { parseDiagnoseArgs } from '../src/diagnose/diagnose-args';

const ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('lab diagnose arguments', () => {
  it('reads one trace id, or --last with a service and lookback', () => {
    expect(parseDiagnoseArgs([ID.toUpperCase()], {})).toEqual({ mode: 'one', traceId: ID, jaegerUrl: 'http://127.0.0.1:16686', json: false, lookbackMs: 3_600_000 });
    expect(parseDiagnoseArgs([ID, '--lookback', '30m'], {})).toMatchObject({ mode: 'one', lookbackMs: 1_800_000 });
    expect(parseDiagnoseArgs(['abc', '--json', '--jaeger', 'http://jaeger:16686/'], {})).toMatchObject({ traceId: '0'.repeat(29) + 'abc', json: true, jaegerUrl: 'http://jaeger:16686' });
    expect(parseDiagnoseArgs(['--last', '20', '--service', 'inventory', '--lookback', '15m'], {})).toMatchObject({ mode: 'last', count: 20, service: 'inventory', lookbackMs: 900_000 });
    expect(parseDiagnoseArgs(['--last=5'], { JAEGER_QUERY_URL: 'http://127.0.0.1:9999' })).toMatchObject({ service: 'gateway', lookbackMs: 3_600_000, jaegerUrl: 'http://127.0.0.1:9999' });
    expect(parseDiagnoseArgs(['--last', '1', '--lookback', '7d'], {})).toMatchObject({ lookbackMs: 604_800_000 });
  });

  it.each([
    [[], /give a trace id or --last N/],
    [['xyz'], /"xyz" is not a trace id/],
    [[ID, ID], /one trace id at a time/],
    [[ID, '--last', '3'], /not both/],
    [[ID, '--service', 'gateway'], /--service goes with --last/],
    [[ID, '--lookback', '8d'], /--lookback: "8d" is not a duration up to 7d/],
    [['--last', '0'], /--last: must be a whole number from 1 to 200/],
    [['--last', '2.5'], /--last: must be a whole number/],
    [['--last', '500'], /--last: must be a whole number from 1 to 200/],
    [['--last', '3', '--lookback', 'forever'], /--lookback: "forever" is not a duration/],
    [['--last', '3', '--lookback', '8d'], /--lookback: "8d" is not a duration up to 7d/],
    [['--last', '3', '--lookback', '0s'], /--lookback: "0s" is not a duration/],
    [['--last', '3', '--service', ''], /--service: needs a service name/],
    [[ID, '--jaeger', 'not a url'], /--jaeger: "not a url" is not a URL/],
    [[ID, '--jaeger', 'ftp://x'], /--jaeger: "ftp:\/\/x" must be an http\(s\) URL/],
    [[ID, '--color'], /Unknown option '--color'/],
    [['--last'], /--last/],
  ])('refuses %j as a usage error', (argv, message) => {
    expect(() => parseDiagnoseArgs(argv as string[], {})).toThrow(UsageError);
    expect(() => parseDiagnoseArgs(argv as string[], {})).toThrow(message);
  });
});
