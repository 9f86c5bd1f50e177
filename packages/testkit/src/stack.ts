import { randomBytes } from 'node:crypto';
import { startServiceProcess, type ServiceProcess } from './service-process';

/** gateway, order and inventory running as child processes against one database. */
export interface Stack {
  gateway: ServiceProcess;
  order: ServiceProcess;
  inventory: ServiceProcess;
  stop(): Promise<void>;
}

/** Options shared by the three services, plus per-service extras. */
export interface StackOptions {
  databaseUrl: string;
  otlpEndpoint: string;
  env?: Record<string, string>;
}

/** Starts inventory, then order pointing at it, then gateway pointing at both. */
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
    return { gateway, order, inventory, stop: () => stopAll(started) };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

async function stopAll(services: ServiceProcess[]): Promise<void> {
  await Promise.all(services.map((s) => s.stop()));
}
