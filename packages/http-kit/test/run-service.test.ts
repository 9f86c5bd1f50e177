import fs from 'node:fs';
import path from 'node:path';
import { launchService } from '@tracecart/launcher';

const FIXTURE = path.join(__dirname, 'fixtures', 'two-port-service.js');

describe('runService', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'run-service.js'))) throw new Error('http-kit is not built: npx tsc -p tsconfig.build.json');
  });

  it('reports every port to its launcher, then on SIGTERM closes, runs onShutdown and exits 0', async () => {
    const logs: Array<Record<string, unknown>> = [];
    const service = await launchService({
      name: 'two-port',
      main: FIXTURE,
      env: { LOG_LEVEL: 'info' },
      onLine: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
    });
    const { main, admin } = service.ports;
    expect(service.port).toBe(main);
    for (const port of [main, admin]) expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('up');
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'listening', port: main, ports: { main, admin } }));
    await service.stop();
    expect(await service.exited).toBe('exit code 0');
    expect(logs.map((entry) => entry.msg)).toEqual(expect.arrayContaining(['shutting down', 'servers closed', 'shutdown hook ran']));
    expect(logs.findIndex((entry) => entry.msg === 'servers closed')).toBeLessThan(logs.findIndex((entry) => entry.msg === 'shutdown hook ran'));
  });
});
