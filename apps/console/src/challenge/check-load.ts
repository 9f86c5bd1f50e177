import { createCheckoutFactory, requireLoopbackTarget, runLoad, type LoadReport } from '@tracecart/loadgen';
import type { LoadRequest } from '../load/load-request';
import type { CheckRun } from '@tracecart/flags';

/** Where an answer's check sends its load. */
export interface CheckTarget {
  gatewayUrl: string;
  catalogSize: number;
}

// The same cap the load panel uses: a stuck gateway cannot make a check hold unbounded requests.
const MAX_IN_FLIGHT = 2000;

/** Runs one bounded load of an answer's check; the lab load panel's settings, parsed the same way. */
export async function runCheckLoad(target: CheckTarget, request: LoadRequest): Promise<LoadReport> {
  const allowedHosts = [new URL(target.gatewayUrl).hostname];
  requireLoopbackTarget(target.gatewayUrl, allowedHosts);
  const { settings, slo } = request;
  return runLoad({
    target: target.gatewayUrl,
    allowedHosts,
    rate: settings.rate,
    durationMs: settings.durationMs,
    factory: createCheckoutFactory({ mix: settings.mix, items: settings.items, catalogSize: target.catalogSize }),
    slo,
    maxInFlight: MAX_IN_FLIGHT,
  });
}

/** The figures of one run that an answer's report shows. */
export function summarizeRun(report: LoadReport): CheckRun {
  return {
    slo: report.slo.spec,
    verdict: report.slo.verdict,
    p95Ms: report.latencyMs.p95,
    p99Ms: report.latencyMs.p99,
    errorRate: report.errorRate,
    achievedRate: report.achievedRate,
  };
}
