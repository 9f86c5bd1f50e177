import { MESSAGING } from '@tracecart/contracts';

/** The worker's concurrency as fulfilment's /metrics says it now (NaN when the gauge is missing). */
export async function workersOf(fulfilmentUrl: string): Promise<number> {
  const text = await (await fetch(`${fulfilmentUrl}/metrics`)).text();
  const match = new RegExp(`^${MESSAGING.METRIC_WORKERS}(?:\\{[^}]*\\})? (\\d+)$`, 'm').exec(text);
  return Number(match?.[1]);
}
