// `lab diagnose <traceId>` of a consumer's trace fetches the trace its span links to (the
// producer's) from the trace store, so a consumer that records no queue age of its own still
// shows how long its message waited. A real trace store, fed over real OTLP/HTTP.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { startTracestore, type TracestoreHandle } from '@tracecart/tracestore';
import { createLogger } from '@tracecart/tracing';
import {
  FOREIGN_CONSUMER_TRACE_ID as DELIVERY,
  FOREIGN_PRODUCER_TRACE_ID as CHECKOUT,
  foreignQueueTraces,
  requestJson,
  waitUntil,
} from '@tracecart/testkit';

const CLI_MAIN = path.join(__dirname, '..', 'dist', 'main.js');

function lab(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_MAIN, 'diagnose', ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('lab diagnose of a consumer trace', () => {
  let store: TracestoreHandle;
  beforeAll(async () => {
    store = await startTracestore({ otlpPort: 0, queryPort: 0, grpcPort: 0, logger: createLogger('tracestore', 'silent') });
    const sent = await requestJson(`http://127.0.0.1:${store.otlpPort}/v1/traces`, { body: foreignQueueTraces() });
    expect(sent.status).toBe(200);
    await waitUntil('both traces in the store', async () => (await fetch(`http://127.0.0.1:${store.queryPort}/api/v3/traces/${CHECKOUT}`)).status === 200);
  });
  afterAll(() => store?.close());

  it('reads the message’s wait across the link to its producer and names the consumer lag', async () => {
    const { code, stdout, stderr } = await lab(['--jaeger', `http://127.0.0.1:${store.queryPort}`, DELIVERY]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toMatch(/^shipping · process orders · waited 9\.00 s in orders before 60\.0 ms of processing \(from the end of the linked producer span\) · workers unknown/);
    expect(stdout).toContain('consumer lag');
  });
});
