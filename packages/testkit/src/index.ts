export { createTestDatabase, snapshotDatabase, scratchDatabaseUrl } from './test-database';
export type { TestDatabase } from './test-database';
export { startOtlpReceiver } from './otlp-receiver';
export type { OtlpReceiver, ReceivedSpan } from './otlp-receiver';
export { isTraceComplete } from './trace-complete';
export { jaegerFixturesDir, readJaegerFixture, readJaegerFixtureText } from './jaeger-fixtures';
export { startServiceProcess } from './service-process';
export type { ServiceProcess } from './service-process';
export { startStack } from './stack';
export { startLab } from './lab';
export type { Lab } from './lab';
export type { Stack, StackOptions } from './stack';
export { listenOnLoopback } from './listen';
export { startDelayProxy, startSilentServer } from './delay-proxy';
export type { DelayRule } from './delay-proxy';
export type { RunningServer } from './listen';
export { requestJson } from './http-json';
export type { JsonResponse } from './http-json';
export { isProcessAlive } from './process-alive';
/** OTLP JSON traces from short span specs whose labels stand in for hex ids. */
export { toTracesData, idOf, labelOf, TRACE_ID } from './span-specs';
export type { SpanSpec } from './span-specs';
/** Realistic checkout traces for any fix setting, with the statements the services send. */
export { buildCheckoutTrace, buildCheckoutSpecs, CHECKOUT_SQL } from './checkout-trace';
export type { CheckoutTraceOptions } from './checkout-trace';
