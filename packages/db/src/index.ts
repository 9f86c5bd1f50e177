export { createPool, pingDatabase } from './pool';
export type { PoolOptions } from './pool';
export { MeasuredPool } from './measured-pool';
export type { CheckoutListener } from './measured-pool';
export { withTransaction } from './transaction';
export { withClient } from './checkout';
export type { DiscardClient } from './checkout';
export { ensureDatabase, dropDatabase } from './admin';
export { migrate, loadMigrations } from './migrations';
export type { Migration } from './migrations';
export {
  seedCatalog,
  parseCatalogSize,
  seededPriceCents,
  DEFAULT_CATALOG_SIZE,
  MAX_CATALOG_SIZE,
  INITIAL_ON_HAND,
} from './seed';
export type { SeedProgress } from './seed';
export type { Pool, PoolClient } from 'pg';
