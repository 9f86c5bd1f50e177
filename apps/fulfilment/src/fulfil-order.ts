import type { OrderPlacedMessage } from '@tracecart/contracts';
import type { InventoryClient } from '@tracecart/inventory-client';
import type { CarrierClient } from './carrier-client';
import { SHIPPED_NOTIFICATION, type FulfilmentRepo } from './fulfilment-repo';
import type { LineLookup } from './line-lookup';

/** What fulfilling an order needs. */
export interface FulfilmentDeps {
  inventory: InventoryClient;
  carrier: CarrierClient;
  repo: FulfilmentRepo;
  lookupLines: LineLookup;
  timeoutMs: number;
}

/**
 * Ships one order. Every step is idempotent, so a redelivered message (a worker that died
 * mid-way, a retry) ships nothing twice: an order that already has a shipment keeps its label
 * and asks the carrier for none, inventory's ship answers the same twice, and the rows are
 * inserted with ON CONFLICT DO NOTHING.
 */
export async function fulfilOrder(deps: FulfilmentDeps, message: OrderPlacedMessage): Promise<void> {
  const { orderId } = message;
  await deps.lookupLines(deps.inventory, message.items, deps.timeoutMs);
  const label = (await deps.repo.findShipmentLabel(orderId)) ?? (await deps.carrier.requestLabel(orderId, deps.timeoutMs)).label;
  await deps.inventory.ship(orderId, deps.timeoutMs);
  await deps.repo.recordShipment(orderId, label);
  await deps.repo.recordNotification(orderId, SHIPPED_NOTIFICATION);
}
