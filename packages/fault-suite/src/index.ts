/** A lab of the three services on a private PostgreSQL and Redis, for faults. */
export { startStackLab } from './stack-lab';
export type { StackLab } from './stack-lab';
/** `lab demo` on a private PostgreSQL and Redis, for faults under its supervisor. */
export { startDemoLab } from './demo-lab';
export type { DemoLab } from './demo-lab';
/** PostgreSQL restarted under load. */
export { runPostgresRestarts } from './postgres-restarts';
export type { RestartSettings } from './postgres-restarts';
/** Redis killed and restarted with fix.cache on. */
export { runRedisRestarts } from './redis-restarts';
/** A service SIGKILLed under the demo's supervisor, and the trace store hung. */
export { runServiceKills, runTraceStoreHang } from './demo-faults';
/** What a fault run found, whether it held, and its printed form. */
export { faultHeld } from './fault-report';
export type { FaultReport } from './fault-report';
export { formatFaultReport, RECOVERY_TARGET_MS } from './format-report';
/** The liveness bound on recovery (a bound, not a timing claim). */
export { RECOVERY_BOUND_MS } from './recovery';
/** Whether a failed checkout is a 503 with the error shape. */
export { isUnavailableAnswer } from './answers';
