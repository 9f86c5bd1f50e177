import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { CacheBackend } from './cache-backend';
import type { ServiceSpec } from './child-service';
import { DemoError } from './demo-error';
import { DEMO_HOST, type PortClaim } from './ports';

/** The DESIGN ports: the same in compose and in the embedded demo. */
export const DEMO_PORTS = Object.freeze({
  gateway: 8080,
  order: 8081,
  inventory: 8082,
  fulfilment: 8083,
  carrier: 8084,
  console: 8088,
  otlp: 4318,
  otlpGrpc: 4317,
  query: 16686,
});

/** Where the services send spans. */
export const OTLP_ENDPOINT = `http://${DEMO_HOST}:${DEMO_PORTS.otlp}`;
/** The trace query API (Jaeger's /api/v3). */
export const QUERY_URL = `http://${DEMO_HOST}:${DEMO_PORTS.query}`;

const url = (port: number) => `http://${DEMO_HOST}:${port}`;

/** The folder of a built app, or undefined when this checkout has not got it (or not built it). */
export function findBuiltApp(app: string): string | undefined {
  // Looked for as a folder where require() would look: an app whose package.json has `exports`
  // (the tracestore's) does not let require.resolve() reach its package.json or its main.js.
  for (const modules of require.resolve.paths(`@tracecart/${app}`) ?? []) {
    const dir = path.join(modules, '@tracecart', app);
    if (existsSync(path.join(dir, 'dist', 'main.js'))) return realpathSync(dir);
  }
  return undefined;
}

/** The folder of a built app; a DemoError saying to build when it is missing. */
export function requireBuiltApp(app: string): string {
  const dir = findBuiltApp(app);
  if (!dir) throw new DemoError(`@tracecart/${app} is not built (no dist/main.js): run npm run build first`);
  return dir;
}

// The console is not traced: its once-a-second polls would crowd checkout traces out of the
// tracestore's bounded memory. The tracestore has no UI, so there is no Jaeger to link to.
const CONSOLE_ENV = Object.freeze({ OTEL_SDK_DISABLED: 'true', JAEGER_UI_URL: 'none', GATEWAY_URL: url(DEMO_PORTS.gateway) });

/** What every service is told about the rest of the lab. */
export interface SharedSettings {
  databaseUrl: string;
  redisUrl: string;
  cacheBackend: CacheBackend;
  catalogSize: number;
}

function sharedEnv(settings: SharedSettings): Record<string, string> {
  return {
    HOST: DEMO_HOST,
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    CACHE_BACKEND: settings.cacheBackend,
    CATALOG_SIZE: String(settings.catalogSize),
    OTEL_EXPORTER_OTLP_ENDPOINT: OTLP_ENDPOINT,
    ORDER_URL: url(DEMO_PORTS.order),
    INVENTORY_URL: url(DEMO_PORTS.inventory),
    FULFILMENT_URL: url(DEMO_PORTS.fulfilment),
    CARRIER_URL: url(DEMO_PORTS.carrier),
    JAEGER_QUERY_URL: QUERY_URL,
  };
}

/** A built app the demo will run. */
export interface DemoApp {
  name: keyof typeof DEMO_PORTS;
  packageDir: string;
  /** The file in dist/ to run, when it is not main.js. */
  entry?: string;
}

/**
 * The apps to start, in start order; the console only when this checkout has it built. They start
 * side by side; the order is the reverse of the stop order, so fulfilment stops before the
 * carrier and inventory it calls. Fulfilment need not wait for order: either one's queue start
 * creates the queue schema, under pg-boss's advisory locks.
 */
export function findDemoApps(): DemoApp[] {
  const apps: DemoApp[] = [];
  for (const name of ['inventory', 'order', 'gateway'] as const) apps.push({ name, packageDir: requireBuiltApp(name) });
  // The carrier stub is a second entry of the fulfilment package.
  const fulfilmentDir = requireBuiltApp('fulfilment');
  apps.push({ name: 'carrier', packageDir: fulfilmentDir, entry: 'carrier-main.js' }, { name: 'fulfilment', packageDir: fulfilmentDir });
  const consoleDir = findBuiltApp('console');
  return consoleDir ? [...apps, { name: 'console', packageDir: consoleDir }] : apps;
}

/** Every port the demo will listen on, with who wants it, for the check before anything starts. */
export function demoPortClaims(apps: readonly DemoApp[]): PortClaim[] {
  return [
    ...apps.map((app) => ({ port: DEMO_PORTS[app.name], owner: app.name })),
    { port: DEMO_PORTS.otlp, owner: 'tracestore OTLP receiver' },
    { port: DEMO_PORTS.otlpGrpc, owner: 'tracestore OTLP/gRPC receiver' },
    { port: DEMO_PORTS.query, owner: 'tracestore query API' },
  ];
}

/**
 * How to run each app, traced: its port, its service name for traces, and the shared settings;
 * the console also gets the supervisor's status endpoint, the one place restart counts are known.
 */
export function serviceSpecs(apps: readonly DemoApp[], settings: SharedSettings, supervisorUrl: string): ServiceSpec[] {
  const ownEnv: Partial<Record<DemoApp['name'], Record<string, string>>> = {
    console: { ...CONSOLE_ENV, LAB_SUPERVISOR_URL: supervisorUrl },
    // The carrier stub takes its port from CARRIER_PORT.
    carrier: { CARRIER_PORT: String(DEMO_PORTS.carrier) },
  };
  return apps.map(({ name, packageDir, entry }) => {
    const env = { ...sharedEnv(settings), PORT: String(DEMO_PORTS[name]), OTEL_SERVICE_NAME: name, ...ownEnv[name] };
    return { name, packageDir, ...(entry ? { entry } : {}), env, traced: true };
  });
}
