import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '@tracecart/http-kit';
import { createLogger } from '@tracecart/tracing';
import { DEFAULT_CONFIG, ListenError, readTracestoreConfig, startTracestore } from '../src/start';

const quiet = createLogger('tracestore', 'silent');

/** What runService sends a launcher over IPC. */
type ReadyMessage = { ready: number; ports: Record<string, number> };

async function occupyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function expectFree(port: number): Promise<void> {
  const reuse = http.createServer();
  await new Promise<void>((resolve, reject) => reuse.once('error', reject).listen(port, '127.0.0.1', resolve));
  await new Promise((resolve) => reuse.close(resolve));
}

describe('readTracestoreConfig', () => {
  it("defaults to Jaeger's ports, 10,000 traces and 16 MiB bodies on loopback", () => {
    expect(readTracestoreConfig({})).toEqual(DEFAULT_CONFIG);
    expect(readTracestoreConfig({ OTLP_HTTP_PORT: '', MAX_TRACES: '' })).toEqual(DEFAULT_CONFIG);
  });

  it('reads every variable', () => {
    const env = { TRACESTORE_HOST: '0.0.0.0', OTLP_HTTP_PORT: '5318', OTLP_GRPC_PORT: '5317', QUERY_HTTP_PORT: '0', MAX_TRACES: '20', MAX_PAYLOAD_BYTES: '2048' };
    const config = { host: '0.0.0.0', otlpPort: 5318, grpcPort: 5317, queryPort: 0, maxTraces: 20, maxPayloadBytes: 2048 };
    expect(readTracestoreConfig(env)).toEqual(config);
  });

  it('names the variable that is wrong', () => {
    expect(() => readTracestoreConfig({ MAX_TRACES: '0' })).toThrow(ConfigError);
    expect(() => readTracestoreConfig({ MAX_TRACES: 'lots' })).toThrow(/^MAX_TRACES: /);
    expect(() => readTracestoreConfig({ QUERY_HTTP_PORT: '70000' })).toThrow(/^QUERY_HTTP_PORT: /);
    expect(() => readTracestoreConfig({ OTLP_GRPC_PORT: '-1' })).toThrow(/^OTLP_GRPC_PORT: /);
  });
});

describe('startTracestore', () => {
  it('starts on free ports and closes', async () => {
    // No grpcPort given: beside a free OTLP/HTTP port it takes a free one too, never 4317.
    const tracestore = await startTracestore({ otlpPort: 0, queryPort: 0, logger: quiet });
    expect(tracestore.otlpPort).toBeGreaterThan(0);
    expect(tracestore.grpcPort).toBeGreaterThan(0);
    expect(tracestore.grpcPort).not.toBe(DEFAULT_CONFIG.grpcPort);
    expect((await fetch(`http://127.0.0.1:${tracestore.queryPort}/healthz`)).status).toBe(200);
    await tracestore.close();
    await expect(fetch(`http://127.0.0.1:${tracestore.queryPort}/healthz`)).rejects.toThrow();
    await expectFree(tracestore.grpcPort);
  });

  it('names a taken port, and frees the one it had already opened', async () => {
    const taken = await occupyPort();
    try {
      await expect(startTracestore({ otlpPort: taken.port, queryPort: 0, logger: quiet })).rejects.toThrow(
        new ListenError(taken.port, 'OTLP_HTTP_PORT', 'EADDRINUSE'),
      );
      const other = await occupyPort();
      await other.close();
      const error = await startTracestore({ otlpPort: other.port, queryPort: taken.port, grpcPort: 0, logger: quiet }).catch((e: unknown) => e);
      expect(error).toEqual(new ListenError(taken.port, 'QUERY_HTTP_PORT', 'EADDRINUSE'));
      // The OTLP server that did start was closed again: its port can be taken.
      await expectFree(other.port);
      const grpcError = await startTracestore({ otlpPort: other.port, queryPort: 0, grpcPort: taken.port, logger: quiet }).catch((e: unknown) => e);
      expect(grpcError).toEqual(new ListenError(taken.port, 'OTLP_GRPC_PORT', 'EADDRINUSE'));
      await expectFree(other.port);
    } finally {
      await taken.close();
    }
  });
});

describe('node dist/main.js', () => {
  const main = path.resolve(__dirname, '../dist/main.js');

  function runMain(env: Record<string, string>) {
    if (!fs.existsSync(main)) throw new Error(`${main} is missing: build first (npx turbo run build --filter=@tracecart/tracestore)`);
    // 'ipc' as a launcher runs it: readiness comes as a message, not as a log line.
    const child = spawn(process.execPath, [main], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const output = { stdout: '', stderr: '' };
    child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
    const ready = new Promise<ReadyMessage>((resolve) => child.once('message', (message) => resolve(message as ReadyMessage)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { child, output, ready, exited };
  }

  it('tells its launcher both ports, OTLP/HTTP first, and exits 0 on SIGTERM', async () => {
    const run = runMain({ OTLP_HTTP_PORT: '0', QUERY_HTTP_PORT: '0', OTLP_GRPC_PORT: '0', LOG_LEVEL: 'info' });
    const { ready, ports } = await run.ready;
    expect(ready).toBe(ports.otlp);
    expect((await fetch(`http://127.0.0.1:${ports.query}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${ports.otlp}/healthz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    await expect(run.exited).resolves.toBe(0);
    expect(run.output.stdout).toContain('"msg":"shutting down"');
  });

  it('stops with one line naming a taken port and a non-zero exit', async () => {
    const taken = await occupyPort();
    try {
      const run = runMain({ OTLP_HTTP_PORT: String(taken.port), QUERY_HTTP_PORT: '0', OTLP_GRPC_PORT: '0', LOG_LEVEL: 'silent' });
      await expect(run.exited).resolves.toBe(1);
      expect(run.output.stderr).toBe(`tracestore: port ${taken.port} (OTLP_HTTP_PORT) is already in use\n`);
    } finally {
      await taken.close();
    }
  });

  it('stops with one line naming a bad variable and a non-zero exit', async () => {
    const run = runMain({ MAX_TRACES: 'lots', LOG_LEVEL: 'silent' });
    await expect(run.exited).resolves.toBe(1);
    expect(run.output.stderr).toMatch(/^tracestore: MAX_TRACES: [^\n]+\n$/);
  });
});
