import { ResponseParseError } from '../src/http1/parse-error';
import { ResponseParser } from '../src/http1/response-parser';
import type { ResponseSink } from '../src/http1/response-parser';
import { chunkedResponse, lengthResponse } from './fixtures/raw-server';

interface Parsed {
  status: number;
  body: string;
  keepAlive: boolean;
}

/** Collects what the parser reports, copying bodies because the parser hands them over in place. */
class RecordingSink implements ResponseSink {
  readonly responses: Parsed[] = [];
  private status = 0;
  private body: Buffer[] = [];

  onResponseHead(status: number): void {
    this.status = status;
    this.body = [];
  }

  onResponseBody(chunk: Buffer, start: number, end: number): void {
    this.body.push(Buffer.from(chunk.subarray(start, end)));
  }

  onResponseEnd(keepAlive: boolean): void {
    this.responses.push({ status: this.status, body: Buffer.concat(this.body).toString('utf8'), keepAlive });
  }
}

/** Feeds `pieces` through one parser, each from a buffer with junk around it, as a reused read buffer would be. */
function parse(pieces: Buffer[]): Parsed[] {
  const sink = new RecordingSink();
  const parser = new ResponseParser(sink);
  for (const piece of pieces) {
    const padded = Buffer.concat([Buffer.from('JUNK'), piece, Buffer.from('\r\n\r\nHTTP/1.1 500 X\r\n\r\n')]);
    parser.execute(padded, 4, 4 + piece.length);
  }
  return sink.responses;
}

function splitAt(text: string, at: number): Buffer[] {
  const bytes = Buffer.from(text);
  return [bytes.subarray(0, at), bytes.subarray(at)];
}

const ERROR_BODY = JSON.stringify({ error: { code: 'insufficient_stock', message: 'naïve ünïcode', traceId: 't' } });

describe('ResponseParser', () => {
  it.each([
    ['a Content-Length body', lengthResponse(409, ERROR_BODY)],
    ['a chunked body with extensions and trailers', chunkedResponse(409, ERROR_BODY, 4)],
  ])('reads %s split at every byte boundary', (_name, text) => {
    for (let at = 0; at <= Buffer.byteLength(text); at++) {
      expect(parse(splitAt(text, at))).toEqual([{ status: 409, body: ERROR_BODY, keepAlive: true }]);
    }
  });

  it('reads responses fed one byte at a time', () => {
    const text = chunkedResponse(200, 'hello world', 2) + lengthResponse(201, '{}');
    const bytes = Buffer.from(text);
    const pieces = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(parse(pieces)).toEqual([
      { status: 200, body: 'hello world', keepAlive: true },
      { status: 201, body: '{}', keepAlive: true },
    ]);
  });

  it('reads back-to-back responses from one read, skipping interim 1xx heads', () => {
    const text = 'HTTP/1.1 100 Continue\r\n\r\n' + lengthResponse(201, '{"a":1}') + 'HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n' + lengthResponse(200, '');
    expect(parse([Buffer.from(text)])).toEqual([
      { status: 201, body: '{"a":1}', keepAlive: true },
      { status: 204, body: '', keepAlive: true },
      { status: 200, body: '', keepAlive: true },
    ]);
  });

  it('honours Connection: close and HTTP/1.0 defaults', () => {
    expect(parse([Buffer.from(lengthResponse(200, 'x', 'Connection: close\r\n'))])).toEqual([{ status: 200, body: 'x', keepAlive: false }]);
    expect(parse([Buffer.from('HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx')])).toEqual([{ status: 200, body: 'x', keepAlive: false }]);
    expect(parse([Buffer.from('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 1\r\n\r\nx')])).toEqual([{ status: 200, body: 'x', keepAlive: true }]);
  });

  it('stops reading after a response that closes the connection', () => {
    const text = lengthResponse(200, 'x', 'connection: close\r\n') + lengthResponse(200, 'y');
    expect(parse([Buffer.from(text)])).toHaveLength(1);
  });

  it('reads a body without length until the peer closes', () => {
    const sink = new RecordingSink();
    const parser = new ResponseParser(sink);
    const bytes = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\npart one, ');
    parser.execute(bytes, 0, bytes.length);
    parser.execute(Buffer.from('part two'), 0, 8);
    expect(sink.responses).toEqual([]);
    expect(parser.finishAtEof()).toBe(true);
    expect(sink.responses).toEqual([{ status: 200, body: 'part one, part two', keepAlive: false }]);
  });

  it('frames by the last transfer coding: chunked after gzip is chunked, gzip alone runs until close', () => {
    const text = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, CHUNKED\r\n\r\n2\r\nok\r\n0\r\n\r\n';
    expect(parse([Buffer.from(text)])).toEqual([{ status: 200, body: 'ok', keepAlive: true }]);
    const sink = new RecordingSink();
    const parser = new ResponseParser(sink);
    const bytes = Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzz');
    parser.execute(bytes, 0, bytes.length);
    expect(parser.finishAtEof()).toBe(true);
    expect(sink.responses).toEqual([{ status: 200, body: 'zz', keepAlive: false }]);
  });

  it('is idle only between responses', () => {
    const parser = new ResponseParser(new RecordingSink());
    expect(parser.idle).toBe(true);
    parser.execute(Buffer.from('HTTP/1.1 20'), 0, 11);
    expect(parser.idle).toBe(false);
    expect(parser.finishAtEof()).toBe(false);
  });

  it.each([
    ['a status line that is not HTTP', 'HTTX/1.1 200 OK\r\n\r\n'],
    ['a three-letter status', 'HTTP/1.1 2x0 OK\r\n\r\n'],
    ['a bare LF inside the head', 'HTTP/1.1 200 OK\r\nX-A: 1\n\r\n'],
    ['two different Content-Lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx'],
    ['a non-numeric Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\nx'],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['chunk data without its CRLF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nxy'],
    ['a protocol switch', 'HTTP/1.1 101 Switching Protocols\r\n\r\n'],
  ])('refuses %s', (_name, text) => {
    expect(() => parse([Buffer.from(text)])).toThrow(ResponseParseError);
  });

  it('refuses a head that never ends', () => {
    const parser = new ResponseParser(new RecordingSink());
    const line = Buffer.from(`X-Big: ${'a'.repeat(1000)}\r\n`);
    parser.execute(Buffer.from('HTTP/1.1 200 OK\r\n'), 0, 17);
    expect(() => {
      for (let i = 0; i < 100; i++) parser.execute(line, 0, line.length);
    }).toThrow(/response head over/);
  });
});
