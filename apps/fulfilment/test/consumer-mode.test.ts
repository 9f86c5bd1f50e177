import { consumerModeOf } from '../src/consumer-mode';

const sizes = { healthy: 4, fixed: 16 };
const switches = (slow: boolean, fix: boolean) => ({ 'problem.slow-consumer': slow, 'fix.consumers': fix });

describe('consumerModeOf', () => {
  it('runs the healthy consumer with both switches off', () => {
    expect(consumerModeOf(switches(false, false), sizes)).toEqual({ concurrency: 4, lookup: 'batched' });
  });

  it('runs one worker with per-line lookups under problem.slow-consumer', () => {
    expect(consumerModeOf(switches(true, false), sizes)).toEqual({ concurrency: 1, lookup: 'per-line' });
  });

  it('runs the fixed concurrency with batched lookups under fix.consumers, alone or over the problem', () => {
    expect(consumerModeOf(switches(false, true), sizes)).toEqual({ concurrency: 16, lookup: 'batched' });
    expect(consumerModeOf(switches(true, true), sizes)).toEqual({ concurrency: 16, lookup: 'batched' });
  });
});
