import type { Pool } from '@tracecart/db';
import { checkCheckoutInvariant, type StockSnapshot } from '@tracecart/testkit';
import { startCheckoutLoad, type CheckoutLoad } from './checkout-load';
import { acceptedOrders, buildFaultReport, type FaultReport } from './fault-report';
import { awaitFulfilment } from './fulfilment-check';

/** What a fault needs of a lab: where to send checkouts, and the database to check after. */
export interface FaultTarget {
  gatewayUrl: string;
  catalogSize: number;
  pool: Pool;
  initialStock: StockSnapshot;
  /** Whether the lab runs fulfilment, so every committed order must also have shipped once. */
  fulfilment?: boolean;
}

// A liveness bound on the backlog a fault leaves: with quick redelivery it drains in seconds.
const FULFILMENT_BOUND_MS = 90_000;

/** A checkout load at `ratePerSecond` that stops itself after `boundMs` whatever happens. */
export function startFaultLoad(target: FaultTarget, ratePerSecond: number, boundMs: number): CheckoutLoad {
  return startCheckoutLoad({
    gatewayUrl: target.gatewayUrl,
    ratePerSecond,
    maxRequests: Math.ceil((ratePerSecond * boundMs) / 1000),
    maxMs: boundMs,
    catalogSize: target.catalogSize,
  });
}

/** Checks the invariant over the settled load and builds the fault's report. */
export async function finishFault(
  target: FaultTarget,
  fault: string,
  load: CheckoutLoad,
  checks: { recoveries: (number | undefined)[]; unexpectedExits: string[]; notes?: string[] },
): Promise<FaultReport> {
  const invariant = await checkCheckoutInvariant(target.pool, target.initialStock, acceptedOrders(load.answers));
  const fulfilment = target.fulfilment ? await awaitFulfilment(target.pool, FULFILMENT_BOUND_MS) : undefined;
  return buildFaultReport(fault, load.answers, { ...checks, invariant, fulfilment });
}
