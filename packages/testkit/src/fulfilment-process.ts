import { startServiceProcess, type ServiceProcess } from './service-process';

/** Where a fulfilment worker finds its database, inventory and carrier. */
export interface FulfilmentProcessOptions {
  /** The env every service of the stack shares (database, OTLP endpoint). */
  common: Record<string, string>;
  inventoryUrl: string;
  carrierUrl: string;
  env?: Record<string, string>;
}

/** Starts the carrier stub (apps/fulfilment's carrier-main) on an ephemeral port. */
export function startCarrierProcess(common: Record<string, string>, env: Record<string, string> = {}): Promise<ServiceProcess> {
  return startServiceProcess('fulfilment', { ...common, CARRIER_PORT: '0', ...env }, { entry: 'carrier-main.js', name: 'carrier' });
}

/** Starts a fulfilment worker; a test may start another after killing one, to see redelivery. */
export function startFulfilmentProcess(options: FulfilmentProcessOptions): Promise<ServiceProcess> {
  return startServiceProcess('fulfilment', {
    ...options.common,
    INVENTORY_URL: options.inventoryUrl,
    CARRIER_URL: options.carrierUrl,
    ...options.env,
  });
}
