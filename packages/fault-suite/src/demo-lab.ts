import { createPool, type Pool } from '@tracecart/db';
import { lockDesignPorts, snapshotStock, startPrivatePostgres, startPrivateRedis, type StockSnapshot } from '@tracecart/testkit';
import { createCleanup } from './cleanup';
import { launchDemo, readServiceStates, type DemoProcess, type ServiceStatus } from './demo-process';

/** `lab demo` on a private PostgreSQL and a private Redis, on its fixed ports. */
export interface DemoLab {
  demo: DemoProcess;
  pool: Pool;
  gatewayUrl: string;
  catalogSize: number;
  initialStock: StockSnapshot;
  /** Always: the demo runs fulfilment, and a fault must not lose a shipment. */
  fulfilment: true;
  states(): Promise<ServiceStatus[]>;
  stop(): Promise<void>;
}

// The demo's gateway is on its fixed port.
const DEMO_GATEWAY_URL = 'http://127.0.0.1:8080';
// Waits for another test file's demo to finish with the fixed ports.
const PORTS_LOCK_TIMEOUT_MS = 600_000;

/** Starts the demo (it migrates and seeds `catalogSize` products) and takes the stock baseline. */
export async function startDemoLab(options: { catalogSize?: number } = {}): Promise<DemoLab> {
  const catalogSize = options.catalogSize ?? 2000;
  const cleanup = createCleanup();
  try {
    cleanup.add(await lockDesignPorts(PORTS_LOCK_TIMEOUT_MS));
    const pg = await startPrivatePostgres();
    cleanup.add(() => pg.destroy());
    const redis = await startPrivateRedis();
    cleanup.add(() => redis.destroy());
    const demo = await launchDemo({ DATABASE_URL: pg.url, REDIS_URL: redis.url, CATALOG_SIZE: String(catalogSize) });
    cleanup.add(() => demo.stop());
    const pool = createPool(pg.url, { applicationName: 'fault-suite', max: 2 });
    cleanup.add(() => pool.end());
    const initialStock = await snapshotStock(pool);
    return { demo, pool, gatewayUrl: DEMO_GATEWAY_URL, catalogSize, initialStock, fulfilment: true, states: () => readServiceStates(demo.statusUrl), stop: cleanup.run };
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}
