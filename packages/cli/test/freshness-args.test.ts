import { MESSAGING } from '@tracecart/contracts';
import { LoadArgsError } from '@tracecart/loadgen';
import { DEFAULT_FRESHNESS_GRACE_MS, DEFAULT_FULFILMENT_URL, splitFreshnessArgs } from '../src/load/freshness-args';

describe('splitFreshnessArgs', () => {
  it('defaults to the lab freshness SLO, fulfilment on 8083 and a 30 s grace, passing other flags through', () => {
    const { freshness, rest } = splitFreshnessArgs(['--rate', '5', '--json', '--duration', '1s']);
    expect(freshness).toEqual({ objective: { ...MESSAGING.DEFAULT_FRESHNESS_SLO }, fulfilmentUrl: DEFAULT_FULFILMENT_URL, graceMs: DEFAULT_FRESHNESS_GRACE_MS });
    expect(rest).toEqual(['--rate', '5', '--json', '--duration', '1s']);
  });

  it('reads the three flags with a separate or inline value', () => {
    const { freshness, rest } = splitFreshnessArgs(['--freshness', 'p95<2s', '--rate', '5', '--fulfilment-url=http://localhost:9000', '--freshness-grace', '500ms']);
    expect(freshness).toEqual({ objective: { percentile: 95, thresholdMs: 2000 }, fulfilmentUrl: 'http://localhost:9000', graceMs: 500 });
    expect(rest).toEqual(['--rate', '5']);
  });

  it.each([
    [['--freshness', 'p99<soon'], '--freshness: "p99<soon"'],
    [['--freshness', 'p99<5s,p50<1s'], '--freshness: "p99<5s,p50<1s": a freshness objective is a single percentile'],
    [['--freshness'], '--freshness: needs a value'],
    [['--freshness', 'p99<5s', '--freshness=p99<1s'], '--freshness: given more than once'],
    [['--fulfilment-url', 'http://192.0.2.1:8083'], '--fulfilment-url: "http://192.0.2.1:8083" is not a loopback address'],
    [['--fulfilment-url', 'http://127.0.0.1:8083/metrics'], '--fulfilment-url: "http://127.0.0.1:8083/metrics" must be an origin only'],
    [['--freshness-grace', '0s'], '--freshness-grace: "0s" must be longer than zero'],
    [['--freshness-grace', '2h'], '--freshness-grace: must be at most 10m'],
  ])('refuses %p naming the flag', (argv, message) => {
    expect(() => splitFreshnessArgs(argv)).toThrow(LoadArgsError);
    expect(() => splitFreshnessArgs(argv)).toThrow(message);
  });
});
