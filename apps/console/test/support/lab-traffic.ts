import { requestJson } from '@tracecart/testkit';
import type { TraceAnalysis } from '../../src/api-types';
import { waitFor } from './wait-for';

/** Places a checkout through the console and returns its trace id. */
export async function checkoutThroughConsole(consoleUrl: string, skus: string[]): Promise<string> {
  const res = await requestJson(`${consoleUrl}/api/checkout`, { body: { customerId: 'c-7', items: skus.map((sku) => ({ sku, quantity: 1 })) } });
  if (res.status !== 201) throw new Error(`checkout answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.traceId as string;
}

/** Waits until every service's spans of the trace have reached the backend, and returns its analysis. */
export function waitForCompleteTrace(consoleUrl: string, traceId: string): Promise<TraceAnalysis> {
  return waitFor(`trace ${traceId} to be complete`, async () => {
    const res = await requestJson<TraceAnalysis>(`${consoleUrl}/api/diagnose/${traceId}`);
    return res.status === 200 && res.body.complete ? res.body : undefined;
  });
}

/** Turns a switch on or off through the console and waits until it is no longer pending. */
export async function setSwitch(consoleUrl: string, name: string, value: unknown): Promise<void> {
  const res = await requestJson(`${consoleUrl}/api/flags/${name}`, { method: 'PUT', body: { value } });
  if (res.status !== 200) throw new Error(`PUT ${name} answered ${res.status}`);
  await waitFor(`${name} to settle`, async () => {
    const state = (await requestJson(`${consoleUrl}/api/flags`)).body;
    return state.pending[name] === undefined ? true : undefined;
  });
  // DESIGN: a toggle reaches every service within about a second.
  await new Promise((resolve) => setTimeout(resolve, 1200));
}

/**
 * Places one-item checkouts through the console until the gateway's root span records
 * `attribute` = `value`: the switch has reached the gateway, not only the flag store.
 */
export async function waitForGatewayToRecord(consoleUrl: string, attribute: string, value: unknown): Promise<void> {
  await waitFor(
    `the gateway to record ${attribute} = ${String(value)}`,
    async () => {
      const analysis = await waitForCompleteTrace(consoleUrl, await checkoutThroughConsole(consoleUrl, ['SKU-0000007']));
      const root = analysis.rows.find((row) => row.service === 'gateway' && row.parentSpanId === null);
      return root?.attributes[attribute] === value ? true : undefined;
    },
    30_000,
    200,
  );
}
