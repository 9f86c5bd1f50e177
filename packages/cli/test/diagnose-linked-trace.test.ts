// `lab diagnose <traceId>` of a consumer's trace fetches the trace its span links to (the
// producer's) from the trace store, so a consumer that records no queue age of its own still
// shows how long its message waited. A real trace store, fed over real OTLP/HTTP.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { startTracestore, type TracestoreHandle } from '@tracecart/tracestore';
import { createLogger } from '@tracecart/tracing';
import { requestJson, toTracesData, waitUntil, withCrossTraceLink, type SpanSpec } from '@tracecart/testkit';

const CLI_MAIN = path.join(__dirname, '..', 'dist', 'main.js');
const CHECKOUT = 'cccccccccccccccccccccccccccccccc';
const DELIVERY = 'dddddddddddddddddddddddddddddddd';
const KAFKA = { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' };

// A checkout that sends at 40–45 ms, and the delivery of its message 9 s later: 60 ms of work.
const specs: SpanSpec[] = [
  { id: 'req', traceId: CHECKOUT, service: 'shop', name: 'POST /checkout', kind: 2, start: 0, end: 50 },
  { id: 'send', traceId: CHECKOUT, parent: 'req', service: 'shop', name: 'send orders', kind: 4, start: 40, end: 45, attributes: { ...KAFKA, 'messaging.operation.type': 'send' } },
  { id: 'proc', traceId: DELIVERY, service: 'shipping', name: 'process orders', kind: 5, start: 9_045, end: 9_105, attributes: { ...KAFKA, 'messaging.operation.type': 'process' } },
  { id: 'call', traceId: DELIVERY, parent: 'proc', service: 'shipping', name: 'POST', kind: 3, start: 9_050, end: 9_100 },
];

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
    const sent = await requestJson(`http://127.0.0.1:${store.otlpPort}/v1/traces`, { body: withCrossTraceLink(toTracesData(specs), 'proc', CHECKOUT, 'send') });
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
