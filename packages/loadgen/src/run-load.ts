import { createHttpSender } from './http-sender';
import { LoadRun } from './load-run';
import { buildReport } from './report';
import { WARMUP_CONCURRENCY, WARMUP_TIMEOUT_MS, resolveOptions } from './run-options';
import type { LoadOptions, LoadReport } from './types';

/**
 * Drives the target at a constant arrival rate for the duration, waits for in-flight requests up
 * to the grace period, and reports. Rejects only on invalid options (RangeError); request failures
 * are counted in the report.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const resolved = resolveOptions(options);
  const sender = createHttpSender(resolved.target, { connections: resolved.connections });
  try {
    // Without a warm-up the first requests pay for compiling the HTTP parser and opening sockets,
    // a one-off stall that would land in the run's tail latencies (hundreds of ms at thousands of req/s).
    const concurrency = Math.min(resolved.connections, WARMUP_CONCURRENCY);
    if (!resolved.signal?.aborted) await sender.warmUp(resolved.warmupPath, resolved.warmupRequests, concurrency, WARMUP_TIMEOUT_MS);
    const result = await new LoadRun(resolved, sender).execute();
    return buildReport(result, resolved);
  } finally {
    await sender.close();
  }
}
