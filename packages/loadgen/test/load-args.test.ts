import { LoadArgsError, parseLoadArgs } from '../src';

const BASE = ['--rate', '50', '--duration', '30s'];

function rejection(argv: string[]): LoadArgsError {
  try {
    parseLoadArgs(argv);
  } catch (error) {
    if (error instanceof LoadArgsError) return error;
    throw error;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
}

describe('parseLoadArgs', () => {
  it('fills the defaults: popular mix, 1 item, the gateway, the default SLO', () => {
    expect(parseLoadArgs(BASE)).toEqual({
      rate: 50,
      durationMs: 30_000,
      mix: 'popular',
      items: 1,
      catalogSize: 1_000_000,
      slo: { latency: [{ percentile: 99, thresholdMs: 300 }], availabilityPercent: 99.9 },
      writeJson: false,
      jsonPath: undefined,
      target: 'http://127.0.0.1:8080',
      allowedHosts: [],
    });
  });

  it('takes --json alone, last or before another flag, as a request for the report under a default name', () => {
    expect(parseLoadArgs([...BASE, '--json'])).toMatchObject({ writeJson: true, jsonPath: undefined });
    expect(parseLoadArgs(['--json', ...BASE])).toMatchObject({ writeJson: true, jsonPath: undefined, rate: 50 });
    expect(parseLoadArgs([...BASE, '--json', 'runs/a.json'])).toMatchObject({ writeJson: true, jsonPath: 'runs/a.json' });
  });

  it('takes a non-loopback target only when its host was allowed', () => {
    expect(rejection([...BASE, '--target', 'http://gateway:8080']).flag).toBe('--target');
    expect(parseLoadArgs([...BASE, '--target', 'http://gateway:8080'], { allowedHosts: ['gateway'] }).target).toBe('http://gateway:8080');
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const args = parseLoadArgs([
      '--rate=12.5', '--duration', '500ms', '--mix', 'mixed', '--items=3', '--slo', 'p95<250ms,p99.9<1s',
      '--json', 'out.json', '--target', 'http://localhost:9000', '--catalog-size', '5000',
    ]);
    expect(args).toMatchObject({ rate: 12.5, durationMs: 500, mix: 'mixed', items: 3, jsonPath: 'out.json', catalogSize: 5000 });
    expect(args.target).toBe('http://localhost:9000');
    expect(args.slo.latency).toEqual([{ percentile: 95, thresholdMs: 250 }, { percentile: 99.9, thresholdMs: 1000 }]);
    expect(parseLoadArgs(['--rate', '1', '--duration', '2m']).durationMs).toBe(120_000);
  });

  it.each([
    ['--rate', ['--rate', 'fast', '--duration', '30s']],
    ['--rate', ['--rate', '0', '--duration', '30s']],
    ['--rate', ['--rate', '-5', '--duration', '30s']],
    ['--rate', ['--rate', '1e9', '--duration', '30s']],
    ['--rate', ['--duration', '30s']],
    ['--duration', ['--rate', '50', '--duration', '30']],
    ['--duration', ['--rate', '50', '--duration', '10x']],
    ['--duration', ['--rate', '50', '--duration', '0s']],
    ['--duration', ['--rate', '50', '--duration', '2h']],
    ['--duration', ['--rate', '50']],
    ['--slo', [...BASE, '--slo', 'p99>300ms']],
    ['--slo', [...BASE, '--slo', 'p100<1s']],
    ['--slo', [...BASE, '--slo', 'p99<fast']],
    ['--slo', [...BASE, '--slo', 'success>=100%']],
    ['--mix', [...BASE, '--mix', 'hot']],
    ['--items', [...BASE, '--items', '0']],
    ['--items', [...BASE, '--items', '1.5']],
    ['--items', [...BASE, '--items', '101']],
    ['--target', [...BASE, '--target', 'http://example.com:8080']],
    ['--target', [...BASE, '--target', 'http://10.0.0.5:8080']],
    ['--target', [...BASE, '--target', 'http://[::2]:8080']],
    ['--target', [...BASE, '--target', 'ftp://127.0.0.1']],
    ['--target', [...BASE, '--target', 'not a url']],
    ['--target', [...BASE, '--target', 'http://127.0.0.1:8080/api/checkout']],
    ['--speed', [...BASE, '--speed', '3']],
    ['-v', [...BASE, '-v']],
    ['stray', [...BASE, 'stray']],
  ])('rejects a bad %s with a message naming it', (flag, argv) => {
    const error = rejection(argv);
    expect(error.flag).toBe(flag);
    expect(error.message.startsWith(`${flag}: `)).toBe(true);
    expect(error.message.length).toBeGreaterThan(flag.length + 10);
  });

  it('says which value was wrong', () => {
    expect(rejection(['--rate', 'fast', '--duration', '30s']).message).toContain('"fast"');
    expect(rejection([...BASE, '--target', 'http://10.0.0.5:8080']).message).toContain('loopback');
    expect(rejection([...BASE, '--mix', 'hot']).message).toContain('popular, longtail, mixed or flash');
  });

  it('accepts every loopback form', () => {
    for (const target of ['http://127.0.0.1:8080', 'http://127.4.5.6:1', 'http://localhost:8080/', 'http://[::1]:8080']) {
      expect(parseLoadArgs([...BASE, '--target', target]).target).toBe(new URL(target).origin);
    }
  });

  it('refuses a flag given twice, in either form', () => {
    expect(rejection([...BASE, '--rate', '10']).flag).toBe('--rate');
    expect(rejection([...BASE, '--mix=mixed', '--mix', 'popular']).flag).toBe('--mix');
  });

  it('takes a value that starts with a dash only inline, and then judges it', () => {
    expect(rejection(['--rate', '-5', '--duration', '30s']).message).toContain('--rate=-');
    expect(rejection(['--rate=-5', '--duration', '30s']).message).toContain('"-5"');
  });
});
