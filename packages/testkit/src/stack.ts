import { randomBytes } from 'node:crypto';
import { startServiceProcess, type ServiceProcess } from './service-process';
import { startCarrierProcess, startFulfilmentProcess } from './fulfilment-process';

/** gateway, order and inventory (and, when asked, fulfilment and its carrier) as child processes against one database. */
export interface Stack {
  gateway: ServiceProcess;
  order: ServiceProcess;
  inventory: ServiceProcess;
  /** Present when the stack was started with `fulfilment`. */
  fulfilment?: ServiceProcess;
  /** Present when fulfilment was started with the carrier stub (no carrierUrl given). */
  carrier?: ServiceProcess;
  /** The env every service got (database, OTLP endpoint, cache prefix), to start another like them. */
  commonEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** The asynchronous half: a fulfilment worker, and the carrier it asks for labels. */
export interface StackFulfilmentOptions {
  /** A carrier of the test's own; the carrier stub process is started when omitted. */
  carrierUrl?: string;
  env?: Record<string, string>;
}

/** Options shared by the three services, plus per-service extras. */
export interface StackOptions {
  databaseUrl: string;
  otlpEndpoint: string;
  env?: Record<string, string>;
  /** Also start fulfilment (after order, so the checkout's queue exists for it to consume). */
  fulfilment?: StackFulfilmentOptions;
}

/** Starts inventory, then order pointing at it, then gateway pointing at both; then fulfilment if asked. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const common = {
    DATABASE_URL: options.databaseUrl,
    OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint,
    // Stacks share the machine's Redis: each gets its own key space so no test reads another's cache.
    CACHE_KEY_PREFIX: `tracecart-test-${randomBytes(4).toString('hex')}:`,
    ...options.env,
  };
  const started: ServiceProcess[] = [];
  try {
    const inventory = await startServiceProcess('inventory', common);
    started.push(inventory);
    const order = await startServiceProcess('order', { ...common, INVENTORY_URL: inventory.url });
    started.push(order);
    const gateway = await startServiceProcess('gateway', { ...common, ORDER_URL: order.url, INVENTORY_URL: inventory.url });
    started.push(gateway);
    const asynchronous = options.fulfilment ? await startFulfilment(options.fulfilment, common, inventory.url, started) : {};
    return { gateway, order, inventory, ...asynchronous, commonEnv: common, stop: () => stopAll(started) };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

// The carrier first, so fulfilment starts knowing where to ask for labels.
async function startFulfilment(options: StackFulfilmentOptions, common: Record<string, string>, inventoryUrl: string, started: ServiceProcess[]) {
  const carrier = options.carrierUrl === undefined ? await startCarrierProcess(common) : undefined;
  if (carrier) started.push(carrier);
  const carrierUrl = options.carrierUrl ?? carrier?.url ?? '';
  const fulfilment = await startFulfilmentProcess({ common, inventoryUrl, carrierUrl, env: options.env });
  started.push(fulfilment);
  return { fulfilment, carrier };
}

async function stopAll(services: ServiceProcess[]): Promise<void> {
  await Promise.all(services.map((s) => s.stop()));
}
