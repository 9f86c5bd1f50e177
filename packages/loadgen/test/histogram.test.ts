import { createLatencyHistogram, encodeHistogram, recordLatencyMs, summarizeLatency } from '../src';
import { createSeededRandom } from '../src';

/** Microsecond values that cross every bucket boundary of the histogram, plus a spread of random ones. */
function sampleMicros(): number[] {
  const values: number[] = [];
  for (let v = 1; v <= 5000; v++) values.push(v);
  for (let k = 11; k < 31; k++) for (const d of [-1, 0, 1]) values.push(2 ** k + d);
  const random = createSeededRandom(3);
  for (let i = 0; i < 5000; i++) values.push(1 + Math.floor(random() * 2 ** (1 + Math.floor(random() * 30))));
  return values;
}

describe('recordLatencyMs', () => {
  it('fills exactly the slots hdr-histogram-js would, so the encoded histogram is identical', () => {
    const fast = createLatencyHistogram();
    const reference = createLatencyHistogram();
    for (const micros of sampleMicros()) {
      recordLatencyMs(fast, micros / 1000);
      reference.recordValue(micros);
    }
    expect(fast.totalCount).toBe(reference.totalCount);
    expect(fast.maxValue).toBe(reference.maxValue);
    expect(fast.minNonZeroValue).toBe(reference.minNonZeroValue);
    expect(encodeHistogram(fast)).toBe(encodeHistogram(reference));
    expect(summarizeLatency(fast)).toEqual(summarizeLatency(reference));
  });

  it('still grows the histogram for values past its initial range', () => {
    const histogram = createLatencyHistogram();
    recordLatencyMs(histogram, 2 * 60 * 60 * 1000);
    recordLatencyMs(histogram, 3 * 60 * 60 * 1000);
    expect(histogram.totalCount).toBe(2);
    expect(histogram.maxValue / 1000 / 3_600_000).toBeCloseTo(3, 2);
  });
});
