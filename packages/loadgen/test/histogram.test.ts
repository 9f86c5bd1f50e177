import { decodeFromCompressedBase64 } from 'hdr-histogram-js';
import { countAtOrAbove, createLatencyHistogram, createSeededRandom, encodeHistogram, percentileMs, recordLatencyMs, summarizeLatency } from '../src';

/** Microsecond values that cross every bucket boundary of the histogram, plus a spread of random ones. */
function sampleMicros(): number[] {
  const values: number[] = [];
  for (let v = 1; v <= 5000; v++) values.push(v);
  for (let k = 11; k < 31; k++) for (const d of [-1, 0, 1]) values.push(2 ** k + d);
  const random = createSeededRandom(3);
  for (let i = 0; i < 5000; i++) values.push(1 + Math.floor(random() * 2 ** (1 + Math.floor(random() * 30))));
  return values;
}

/** The exact value at a percentile: rank ceil(p% x n), as HdrHistogram counts it. */
function exactPercentile(sorted: number[], percentile: number): number {
  return sorted[Math.max(1, Math.ceil((percentile / 100) * sorted.length)) - 1];
}

describe('the latency histogram', () => {
  it('reports every percentile within its resolution (3 significant digits) of the exact value', () => {
    const values = sampleMicros();
    const histogram = createLatencyHistogram();
    for (const micros of values) recordLatencyMs(histogram, micros / 1000);
    const sorted = [...values].sort((a, b) => a - b);
    expect(histogram.totalCount).toBe(values.length);
    for (const percentile of [1, 10, 50, 90, 99, 99.9, 100]) {
      const exact = exactPercentile(sorted, percentile) / 1000;
      expect(Math.abs(percentileMs(histogram, percentile) - exact) / exact).toBeLessThanOrEqual(0.001);
    }
    expect(summarizeLatency(histogram).max).toBeCloseTo(sorted[sorted.length - 1] / 1000, 0);
  });

  it('survives the compressed base64 encoding the report carries', () => {
    const histogram = createLatencyHistogram();
    for (const micros of sampleMicros()) recordLatencyMs(histogram, micros / 1000);
    const decoded = decodeFromCompressedBase64(encodeHistogram(histogram));
    expect(decoded.totalCount).toBe(histogram.totalCount);
    for (const percentile of [50, 99, 99.9]) expect(decoded.getValueAtPercentile(percentile)).toBe(histogram.getValueAtPercentile(percentile));
  });

  it('still grows for values past its initial range', () => {
    const histogram = createLatencyHistogram();
    recordLatencyMs(histogram, 2 * 60 * 60 * 1000);
    recordLatencyMs(histogram, 3 * 60 * 60 * 1000);
    expect(histogram.totalCount).toBe(2);
    expect(histogram.maxValue / 1000 / 3_600_000).toBeCloseTo(3, 2);
  });

  it('counts the values at or above a threshold', () => {
    const histogram = createLatencyHistogram();
    expect(countAtOrAbove(histogram, 300)).toBe(0);
    for (let ms = 1; ms <= 1000; ms++) recordLatencyMs(histogram, ms);
    expect([countAtOrAbove(histogram, 1), countAtOrAbove(histogram, 300), countAtOrAbove(histogram, 999), countAtOrAbove(histogram, 1001)]).toEqual([1000, 701, 2, 0]);
  });
});
