export { createTestDatabase, snapshotDatabase, scratchDatabaseUrl } from './test-database';
export type { TestDatabase } from './test-database';
export { startOtlpReceiver } from './otlp-receiver';
export type { OtlpReceiver, ReceivedSpan } from './otlp-receiver';
export { isTraceComplete } from './trace-complete';
export { jaegerFixturesDir, readJaegerFixture, readJaegerFixtureText } from './jaeger-fixtures';
export { startServiceProcess } from './service-process';
export type { ServiceProcess, ServiceProcessOptions } from './service-process';
/** The fulfilment worker and its carrier stub as child processes, alone or in a stack. */
export { startFulfilmentProcess, startCarrierProcess } from './fulfilment-process';
export type { FulfilmentProcessOptions } from './fulfilment-process';
export { startStack } from './stack';
export { startLab } from './lab';
export type { Lab } from './lab';
export type { Stack, StackOptions, StackFulfilmentOptions } from './stack';
export { listenOnLoopback } from './listen';
export { startDelayProxy, startSilentServer } from './delay-proxy';
export type { DelayRule } from './delay-proxy';
export type { RunningServer } from './listen';
export { requestJson } from './http-json';
export type { JsonResponse } from './http-json';
export { isProcessAlive } from '@tracecart/pg-server';
/** A PostgreSQL of the test's own (ephemeral port, temporary data) to stop, restart or kill. */
export { startPrivatePostgres } from './private-postgres';
export type { PrivatePostgres } from './private-postgres';
/** Polls a condition until it holds, within a bound. */
export { waitUntil } from './wait-until';
/** OTLP JSON traces from short span specs whose labels stand in for hex ids. */
export { toTracesData, withCrossTraceLink, idOf, labelOf, TRACE_ID } from './span-specs';
export type { SpanSpec } from './span-specs';
/** A producer's and a consumer's trace of services the lab has never seen, linked across a topic. */
export { foreignQueueTraces, FOREIGN_PRODUCER_TRACE_ID, FOREIGN_CONSUMER_TRACE_ID } from './foreign-queue-traces';
/** Realistic checkout traces for any fix setting, with the statements the services send. */
export { buildCheckoutTrace, buildCheckoutSpecs, CHECKOUT_SQL } from './checkout-trace';
export type { CheckoutTraceOptions } from './checkout-trace';
/** A free 127.0.0.1 port, asked of the OS. */
export { freeLoopbackPort } from './free-port';
/** A redis-server of the test's own (ephemeral port, nothing persisted) to kill and start again. */
export { startPrivateRedis } from './private-redis';
export type { PrivateRedis } from './private-redis';
/** One command to a Redis over a raw socket, for PING and DBSIZE in tests. */
export { redisCommand } from './redis-command';
/** The checkout invariant: every 201 is an order with its items, stock moved = confirmed + held, none oversold. */
export { snapshotStock, checkCheckoutInvariant } from './checkout-invariant';
export type { StockSnapshot, InvariantResult } from './checkout-invariant';
/** Turns between test files that start `lab demo` on its fixed ports. */
export { lockDesignPorts } from './design-ports-lock';

export { receivedSpansOf, withoutLabNames } from './trace-views';

export { waitsEvent } from './evidence-events';
