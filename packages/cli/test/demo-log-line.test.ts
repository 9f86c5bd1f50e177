import { Writable } from 'node:stream';
import { formatLogLine } from '../src/demo/log-line';
import { createProgress, labelLine } from '../src/demo/progress';

describe('demo log lines', () => {
  it('shortens a pino line to level, message and the fields worth reading', () => {
    const line = JSON.stringify({
      level: 50, time: '2026-01-01T00:00:00.000Z', pid: 7, hostname: 'h', service: 'order', name: 'order',
      trace_id: 'abc123', err: { type: 'Error', message: 'boom here', stack: 'Error: boom\n at x' }, msg: 'checkout failed',
    });
    expect(formatLogLine(line)).toBe('ERROR checkout failed trace_id=abc123 err="boom here"');
    expect(formatLogLine('{"level":30,"port":8080,"msg":"listening"}')).toBe('INFO listening port=8080');
  });

  it('passes other lines through as they are', () => {
    expect(formatLogLine('gateway: listen EADDRINUSE')).toBe('gateway: listen EADDRINUSE');
    expect(formatLogLine('{not json')).toBe('{not json');
    expect(formatLogLine('{"a":1}')).toBe('{"a":1}');
  });

  it('prints a line per tenth of a count when not on a terminal', () => {
    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const progress = createProgress(sink);
    for (let n = 50; n <= 1000; n += 50) progress.count('seeding', n, 1000);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(11); // 0%, 10%, ... 100%
    expect(lines.at(-1)).toBe(labelLine('lab', 'seeding 1,000 / 1,000 (100%)'));
  });
});
