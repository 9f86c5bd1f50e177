import type { LabServiceStatus, LabServices } from '../api-types';

// The gateway's /readyz pings these two and names the ones that do not answer
// (`not ready: order, inventory`): the console knows no other address of theirs.
const GATEWAY_DEPENDENCIES = ['order', 'inventory'] as const;

const status = (name: string, up: boolean): LabServiceStatus => ({ name, state: up ? 'up' : 'stopped', restarts: null, pid: null, lastExit: null });

async function readNotReady(response: Response): Promise<string[]> {
  if (response.ok) return [];
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: unknown } } | undefined;
  const message = typeof body?.error?.message === 'string' ? body.error.message : '';
  const named = message.match(/not ready: (.*)$/)?.[1];
  // An answer that names nothing cannot vouch for either dependency.
  return named ? named.split(', ') : [...GATEWAY_DEPENDENCIES];
}

/**
 * The services' states without a supervisor (compose): the console is up, the gateway is up when
 * its /readyz answers at all, and order and inventory as that answer reports them; when the gateway
 * does not answer, nothing is known of those two and they are left out. Restarts are unknown (null).
 */
export async function probeServices(gatewayUrl: string, timeoutMs: number): Promise<LabServices> {
  let response: Response;
  try {
    response = await fetch(`${gatewayUrl}/readyz`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return { source: 'probes', services: [status('gateway', false), status('console', true)] };
  }
  const notReady = await readNotReady(response);
  const dependencies = GATEWAY_DEPENDENCIES.map((name) => status(name, !notReady.includes(name)));
  return { source: 'probes', services: [...dependencies, status('gateway', true), status('console', true)] };
}
