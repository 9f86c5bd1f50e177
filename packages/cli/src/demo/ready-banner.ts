import type { CacheBackend } from './cache-backend';
import { DEMO_PORTS, OTLP_ENDPOINT, QUERY_URL, type DemoApp } from './components';
import { redactUrl } from './demo-error';
import { DEMO_HOST } from './ports';
import { formatSeconds, type Progress } from './progress';
import type { ProvidedPostgres } from './postgres/provided-postgres';

/** What the banner names. */
export interface ReadyFacts {
  startedAt: number;
  apps: readonly DemoApp[];
  postgres: ProvidedPostgres;
  cache: CacheBackend;
  redisUrl: string;
  /** The supervisor's status endpoint: each service's state and restart count. */
  statusUrl: string;
}

const row = (label: string, value: string) => `  ${label.padEnd(15)} ${value}`;
const http = (port: number) => `http://${DEMO_HOST}:${port}`;

const SAMPLE_CHECKOUT = `curl -s -X POST ${http(DEMO_PORTS.gateway)}/api/checkout -H 'content-type: application/json' -d '{"customerId":"c-1","items":[{"sku":"SKU-0000042","quantity":1}]}'`;

/** Prints "ready" (the line scripts wait for), every URL, and how to stop. */
export function printReadyBanner(facts: ReadyFacts, progress: Progress): void {
  const hasConsole = facts.apps.some((app) => app.name === 'console');
  const lines = [
    `ready in ${formatSeconds(Date.now() - facts.startedAt)}`,
    row('shop API', `${http(DEMO_PORTS.gateway)}  (POST /api/checkout, GET /api/products/{sku})`),
    row('order', http(DEMO_PORTS.order)),
    row('inventory', http(DEMO_PORTS.inventory)),
    row('fulfilment', `${http(DEMO_PORTS.fulfilment)}  (consumes order.placed; GET /metrics for its lag and queue depth)`),
    row('carrier', `${http(DEMO_PORTS.carrier)}  (stand-in for a remote carrier API)`),
    row('console', hasConsole ? http(DEMO_PORTS.console) : 'not in this checkout yet (skipped)'),
    row('traces in', `${OTLP_ENDPOINT}/v1/traces  (OTLP/HTTP)`),
    row('traces out', `${QUERY_URL}/api/v3/services  (Jaeger /api/v3)`),
    row('postgres', `${redactUrl(facts.postgres.url)}  (${facts.postgres.description})`),
    row('cache', facts.cache === 'redis' ? facts.redisUrl : 'in-process (Redis not reachable): not Redis'),
    row('service states', `${facts.statusUrl}  (restarts included; a service that exits is restarted)`),
    `try: ${SAMPLE_CHECKOUT}`,
    'Ctrl-C stops everything.',
  ];
  for (const line of lines) progress.note(line);
}
