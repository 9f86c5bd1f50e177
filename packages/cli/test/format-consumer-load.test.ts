// The Little's Law line of `lab diagnose --last N` over consumer traces.
import { formatConsumerLoad } from '../src/diagnose/format-consumer-load';

const load = { messages: 20, windowSeconds: 0.5, arrivalPerSecond: 38.2, serviceMs: 46.5, workersNeeded: 1.776, workers: 1 };

describe('the consumer load line', () => {
  it('sets the workers λ × W needs against the workers there, and says the queue grows when they fall short', () => {
    expect(formatConsumerLoad(load)).toEqual([
      "consumer load (Little's Law): 20 messages enqueued at 38.2/s over 0.5 s × 46.5 ms each = 1.78 workers busy · 1 worker there: the queue grows",
    ]);
    expect(formatConsumerLoad({ ...load, workers: 16 })[0]).toMatch(/· 16 workers there: enough to keep up$/);
  });

  it('says the workers are unknown when no span reported them, and prints nothing without a load', () => {
    expect(formatConsumerLoad({ ...load, workers: undefined })[0]).toMatch(/= 1\.78 workers busy · workers unknown$/);
    expect(formatConsumerLoad(undefined)).toEqual([]);
  });
});
