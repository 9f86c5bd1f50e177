import { dependenciesOf, isDefaultProfile, isOneShot, parseMemorySize, toMiB } from '../src';
import { APP_PORTS, portVariableOf, services } from './stack';

const entries = Object.entries(services);
const longRunning = entries.filter(([, s]) => !isOneShot(s));

// The README quotes these sums; change them together.
// defaultStack: what keeps running after `docker compose up`; withSetup: its start, while db-setup
// runs; everything: every service of every profile at once.
const RAM_BUDGET_MIB = { defaultStack: 4608, withSetup: 4864, everything: 5632 };

function totalMiB(filter: (name: string) => boolean): number {
  return toMiB(entries.filter(([name]) => filter(name)).reduce((sum, [, s]) => sum + parseMemorySize(s.mem_limit ?? 0), 0));
}

describe('health', () => {
  it('gives every long-running service a healthcheck', () => {
    const missing = longRunning.filter(([, s]) => !s.healthcheck?.test || s.healthcheck.disable === true).map(([n]) => n);
    expect(missing).toEqual([]);
    expect(longRunning.length).toBeGreaterThanOrEqual(9);
  });

  it('checks the apps through GET /readyz, which answers only when their dependencies do', () => {
    for (const app of Object.keys(APP_PORTS)) {
      const test = JSON.stringify(services[app].healthcheck?.test);
      expect(test).toContain('/readyz');
      // On the port the app listens on, which is not PORT for every app.
      expect(test).toContain(`process.env.${portVariableOf(app)}+`);
    }
  });
});

describe('startup order', () => {
  const dependencies = entries.flatMap(([name, s]) => dependenciesOf(s).map((d) => ({ from: name, ...d })));

  it('waits on a condition, never on a bare start', () => {
    expect(dependencies.filter((d) => d.condition === 'service_started')).toEqual([]);
    expect(dependencies.length).toBeGreaterThanOrEqual(10);
  });

  it('waits for health only on services that have a healthcheck, and for completion only on one-shot ones', () => {
    const wrong = dependencies.filter((d) => {
      const target = services[d.service];
      if (target === undefined) return true;
      if (d.condition === 'service_healthy') return target.healthcheck?.test === undefined;
      return d.condition === 'service_completed_successfully' ? !isOneShot(target) : true;
    });
    expect(wrong).toEqual([]);
  });

  it('never makes a default service wait on one that only runs under a profile', () => {
    const wrong = dependencies.filter((d) => isDefaultProfile(services[d.from]) && !isDefaultProfile(services[d.service]));
    expect(wrong).toEqual([]);
  });

  it('starts fulfilment once the inventory and carrier it calls answer, without waiting for order', () => {
    // Its queue start creates the pg-boss schema and queues under advisory locks, as order's does.
    const waitsOn = dependenciesOf(services.fulfilment);
    expect(waitsOn).toEqual(expect.arrayContaining([
      { service: 'inventory', condition: 'service_healthy' },
      { service: 'carrier', condition: 'service_healthy' },
    ]));
    expect(waitsOn.map((d) => d.service)).not.toContain('order');
  });

  it('starts each app only after the schema is set up and Jaeger is healthy', () => {
    for (const app of Object.keys(APP_PORTS)) {
      expect(dependenciesOf(services[app])).toEqual(expect.arrayContaining([
        { service: 'db-setup', condition: 'service_completed_successfully' },
        { service: 'jaeger', condition: 'service_healthy' },
      ]));
    }
  });
});

describe('memory', () => {
  it('limits every service', () => {
    expect(entries.filter(([, s]) => s.mem_limit === undefined).map(([n]) => n)).toEqual([]);
    for (const [, s] of entries) expect(parseMemorySize(s.mem_limit ?? 0)).toBeGreaterThan(0);
  });

  it('adds up to the RAM budget the README states', () => {
    const running = (name: string) => isDefaultProfile(services[name]) && !isOneShot(services[name]);
    expect(totalMiB(running)).toBe(RAM_BUDGET_MIB.defaultStack);
    expect(totalMiB((name) => isDefaultProfile(services[name]))).toBe(RAM_BUDGET_MIB.withSetup);
    expect(totalMiB(() => true)).toBe(RAM_BUDGET_MIB.everything);
  });
});
