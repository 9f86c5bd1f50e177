import { Gauge, Histogram } from 'prom-client';
import type { AppMetrics } from '@tracecart/http-kit';
import { MESSAGING, type OrderPlacedMessage } from '@tracecart/contracts';
import type { QueueDepth } from '@tracecart/queue';

/** From 50 ms to 2 min, with 5 s (the default freshness SLO) as a bucket edge, so its share is exact. */
export const FULFILMENT_LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** What the gauges read at scrape time. */
export interface FulfilmentGaugeSources {
  queueDepth: () => Promise<QueueDepth>;
  workers: () => number;
  workersBusy: () => number;
}

/** The freshness histogram; observe once per fulfilled order. */
export type LagRecorder = (message: OrderPlacedMessage) => void;

/** Registers fulfilment's metrics on the app's registry; returns the lag recorder. */
export function registerFulfilmentMetrics(metrics: AppMetrics, sources: FulfilmentGaugeSources): LagRecorder {
  const registers = [metrics.registry];
  const lag = new Histogram({
    name: MESSAGING.METRIC_FULFILMENT_LAG,
    help: 'Seconds from an order commit to its fulfilment.',
    buckets: FULFILMENT_LAG_BUCKETS,
    registers,
  });
  new Gauge({
    name: MESSAGING.METRIC_QUEUE_DEPTH,
    help: 'Messages in the order.placed queues, by queue and state, counted at scrape.',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      const depth = await sources.queueDepth();
      this.set({ queue: MESSAGING.ORDER_PLACED_QUEUE, state: 'queued' }, depth.queued);
      this.set({ queue: MESSAGING.ORDER_PLACED_QUEUE, state: 'active' }, depth.active);
      this.set({ queue: MESSAGING.ORDER_PLACED_DEAD_LETTER_QUEUE, state: 'queued' }, depth.deadLettered);
    },
  });
  new Gauge({
    name: MESSAGING.METRIC_WORKERS,
    help: 'Deliveries the worker handles at once.',
    registers,
    collect() {
      this.set(sources.workers());
    },
  });
  new Gauge({
    name: MESSAGING.METRIC_WORKERS_BUSY,
    help: 'Deliveries being handled now.',
    registers,
    collect() {
      this.set(sources.workersBusy());
    },
  });
  return (message) => lag.observe(Math.max(0, (Date.now() - Date.parse(message.placedAt)) / 1000));
}
