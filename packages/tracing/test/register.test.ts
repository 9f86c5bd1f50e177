import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startOtlpReceiver, type OtlpReceiver } from '@tracecart/testkit';

const REGISTER = path.join(__dirname, '..', 'dist', 'register.js');
const SERVER = path.join(__dirname, 'fixtures', 'traced-server.js');

describe('the register preload', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  it('traces over real OTLP/HTTP, propagates W3C context, and flushes on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--require', REGISTER, SERVER], {
      env: {
        ...process.env,
        OTEL_SERVICE_NAME: 'register-test',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        // Far longer than the test: only the SIGTERM flush can deliver the spans in time.
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const res = await fetch(`http://127.0.0.1:${port}/outer`);
    expect(await res.text()).toBe('outer');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    const spans = receiver.spans();
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['register-test']));
    const servers = spans.filter((s) => s.span.kind === 2);
    const client = spans.find((s) => s.span.kind === 3)!;
    expect(servers).toHaveLength(2);
    const inner = servers.find((s) => s.attributes['url.path'] === '/inner')!;
    const outer = servers.find((s) => s.attributes['url.path'] === '/outer')!;
    // One trace: outer server → client call → inner server, linked by traceparent.
    expect(new Set(spans.map((s) => s.span.traceId)).size).toBe(1);
    expect(client.span.parentSpanId).toBe(outer.span.spanId);
    expect(inner.span.parentSpanId).toBe(client.span.spanId);
  });
});
