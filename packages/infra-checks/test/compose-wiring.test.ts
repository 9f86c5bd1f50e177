import { environmentOf, publishedPorts, readWorkspaceEnvNames } from '../src';
import { APP_PORTS, DESIGN_PORTS, dotenv, portVariableOf, readRepoFile, root, services } from './stack';

// DESIGN's config names: every app reads its settings under these.
const DESIGN_CONFIG_NAMES = [
  'PORT', 'DATABASE_URL', 'REDIS_URL', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME',
  'ORDER_URL', 'INVENTORY_URL', 'JAEGER_QUERY_URL', 'CATALOG_SIZE', 'LAB_ADMIN_TOKEN',
];

// What each app cannot run correctly in compose without (defaults point at 127.0.0.1).
const REQUIRED_ENV: Record<string, string[]> = {
  gateway: ['PORT', 'DATABASE_URL', 'ORDER_URL', 'INVENTORY_URL'],
  order: ['PORT', 'DATABASE_URL', 'INVENTORY_URL'],
  inventory: ['PORT', 'DATABASE_URL', 'REDIS_URL'],
  fulfilment: ['PORT', 'DATABASE_URL', 'INVENTORY_URL', 'CARRIER_URL'],
  carrier: ['CARRIER_PORT'],
  console: ['PORT', 'HOST', 'DATABASE_URL', 'LAB_ADMIN_TOKEN', 'JAEGER_QUERY_URL', 'JAEGER_UI_URL', 'GATEWAY_URL', 'FULFILMENT_URL', 'CATALOG_SIZE'],
};

// Where each URL-valued setting must point inside the compose network.
const EXPECTED_URLS: Record<string, { host: string; port: number }> = {
  DATABASE_URL: { host: 'postgres', port: 5432 },
  REDIS_URL: { host: 'redis', port: 6379 },
  OTEL_EXPORTER_OTLP_ENDPOINT: { host: 'jaeger', port: 4318 },
  ORDER_URL: { host: 'order', port: 8081 },
  INVENTORY_URL: { host: 'inventory', port: 8082 },
  JAEGER_QUERY_URL: { host: 'jaeger', port: 16686 },
  GATEWAY_URL: { host: 'gateway', port: 8080 },
  FULFILMENT_URL: { host: 'fulfilment', port: 8083 },
  CARRIER_URL: { host: 'carrier', port: 8084 },
};

const appImageServices = Object.entries(services).filter(([, s]) => s.image === 'tracecart-app:local');
const longRunningApps = Object.keys(APP_PORTS);

describe('ports', () => {
  it.each(DESIGN_PORTS)('$service publishes $port on the same host port', ({ service, port }) => {
    const mapping = publishedPorts(services[service]).find((p) => p.container === port);
    expect(mapping).toBeDefined();
    expect(mapping?.host).toBe(port);
  });

  it('publishes on loopback by default, since the lab credentials are public', () => {
    const addresses = new Set(Object.values(services).flatMap(publishedPorts).map((p) => p.hostIp));
    expect([...addresses]).toEqual([dotenv.get('LAB_BIND_ADDRESS')]);
    expect(dotenv.get('LAB_BIND_ADDRESS')).toBe('127.0.0.1');
  });

  it.each(Object.entries(APP_PORTS))('%s listens on its DESIGN port %i through its port variable', (app, port) => {
    expect(environmentOf(services[app])[portVariableOf(app)]).toBe(String(port));
  });
});

describe('app settings', () => {
  const readNames = readWorkspaceEnvNames(root);

  it('sets only variables some workspace reads (or DESIGN names), so a typo cannot hide', () => {
    const unknown = appImageServices.flatMap(([name, service]) =>
      Object.keys(environmentOf(service))
        .filter((key) => !readNames.has(key) && !DESIGN_CONFIG_NAMES.includes(key))
        .map((key) => `${name}: ${key} is read by no workspace`),
    );
    expect(unknown).toEqual([]);
  });

  it.each(Object.entries(REQUIRED_ENV))('%s gets every setting it needs in compose', (app, names) => {
    const env = environmentOf(services[app]);
    expect(names.filter((name) => !env[name])).toEqual([]);
  });

  it('points every URL setting at the service and port that answers it', () => {
    const wrong = appImageServices.flatMap(([name, service]) =>
      Object.entries(environmentOf(service)).flatMap(([key, value]) => {
        const expected = EXPECTED_URLS[key];
        if (!expected) return [];
        const url = new URL(value);
        return url.hostname === expected.host && Number(url.port) === expected.port ? [] : [`${name}: ${key}=${value}`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('sends every app\'s spans to Jaeger\'s OTLP/HTTP port under its own service name', () => {
    for (const app of longRunningApps) {
      const env = environmentOf(services[app]);
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://jaeger:4318');
      expect(env.OTEL_SERVICE_NAME).toBe(app);
    }
    expect(publishedPorts(services.jaeger).map((p) => p.container)).toContain(4318);
  });

  it('lets the console listen beyond loopback only with an admin token of at least 16 characters', () => {
    const env = environmentOf(services.console);
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.LAB_ADMIN_TOKEN.length).toBeGreaterThanOrEqual(16);
    expect(readRepoFile('.env')).toMatch(/LAB-ONLY[^\n]*\n(#[^\n]*\n)*LAB_ADMIN_TOKEN=/);
  });

  it('gives the console\'s page a Jaeger UI address a browser on the host can open', () => {
    const uiUrl = new URL(environmentOf(services.console).JAEGER_UI_URL);
    expect(uiUrl.hostname).toBe('localhost');
    expect(uiUrl.port).toBe(dotenv.get('JAEGER_UI_PORT'));
  });
});

describe('load generators', () => {
  it('runs the lab CLI against the gateway service behind the "load" profile', () => {
    const loadgen = services.loadgen;
    expect(loadgen.profiles).toEqual(['load']);
    const args = [...(loadgen.entrypoint as string[]), ...(loadgen.command as string[])];
    expect(args.slice(0, 3)).toEqual(['node', 'packages/cli/dist/main.js', 'load']);
    expect(args[args.indexOf('--target') + 1]).toBe('http://gateway:8080');
    expect(args[args.indexOf('--rate') + 1]).toBe(dotenv.get('LOAD_RATE'));
    // The CLI refuses non-loopback targets unless told which host is the lab's own.
    expect(environmentOf(loadgen).LOADGEN_ALLOW_TARGET).toBe('gateway');
  });

  it('runs k6 behind its own profile, with settings the script reads', () => {
    const k6 = services.k6;
    expect(k6.profiles).toEqual(['k6']);
    const script = readRepoFile('infra', 'k6', 'checkout.js');
    const unread = Object.keys(environmentOf(k6)).filter((key) => !script.includes(`__ENV.${key}`));
    expect(unread).toEqual([]);
    expect(environmentOf(k6).BASE_URL).toBe('http://gateway:8080');
  });
});
