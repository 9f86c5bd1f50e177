import { createPool, migrate, seedCatalog, type Pool } from '@tracecart/db';
import {
  isProcessAlive,
  snapshotStock,
  startOtlpReceiver,
  startPrivatePostgres,
  startPrivateRedis,
  startStack,
  type OtlpReceiver,
  type PrivatePostgres,
  type PrivateRedis,
  type Stack,
  type StockSnapshot,
} from '@tracecart/testkit';
import { createCleanup } from './cleanup';

/** The four services (and the carrier stub) as child processes on a private PostgreSQL and a private Redis. */
export interface StackLab {
  pg: PrivatePostgres;
  redis: PrivateRedis;
  /** A small pool of the suite's own on the private database (invariant, flags). */
  pool: Pool;
  stack: Stack;
  gatewayUrl: string;
  catalogSize: number;
  /** Stock right after seeding: the invariant's baseline for every fault on this lab. */
  initialStock: StockSnapshot;
  /** Always: the lab runs fulfilment and its carrier, and a fault must not lose a shipment. */
  fulfilment: true;
  /** Names of services whose process is gone. */
  exitedServices(): string[];
  stop(): Promise<void>;
}

/** Starts a private PostgreSQL (migrated, `catalogSize` products), a private Redis and the services, fulfilment too. */
export async function startStackLab(options: { catalogSize?: number } = {}): Promise<StackLab> {
  const catalogSize = options.catalogSize ?? 500;
  const cleanup = createCleanup();
  try {
    const pg = await startPrivatePostgres();
    cleanup.add(() => pg.destroy());
    const redis = await startPrivateRedis();
    cleanup.add(() => redis.destroy());
    const pool = createPool(pg.url, { applicationName: 'fault-suite', max: 2 });
    cleanup.add(() => pool.end());
    await migrate(pool);
    await seedCatalog(pool, catalogSize);
    const receiver: OtlpReceiver = await startOtlpReceiver();
    cleanup.add(() => receiver.close());
    const env = { REDIS_URL: redis.url, CACHE_BACKEND: 'redis' };
    // Fulfilment takes a delivery its worker lost (a cut connection) back within seconds, not a minute.
    const fulfilment = { env: { QUEUE_EXPIRE_SECONDS: '5', QUEUE_SUPERVISE_SECONDS: '1' } };
    const stack = await startStack({ databaseUrl: pg.url, otlpEndpoint: receiver.endpoint, env, fulfilment });
    cleanup.add(() => stack.stop());
    const services = [stack.gateway, stack.order, stack.inventory, stack.fulfilment, stack.carrier].filter((s) => s !== undefined);
    return {
      pg,
      redis,
      pool,
      stack,
      gatewayUrl: stack.gateway.url,
      catalogSize,
      initialStock: await snapshotStock(pool),
      fulfilment: true,
      exitedServices: () => services.filter((s) => !isProcessAlive(s.pid)).map((s) => s.name),
      stop: cleanup.run,
    };
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}
