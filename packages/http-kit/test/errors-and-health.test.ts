import express from 'express';
import pino from 'pino';
import { z } from 'zod';
import { listenOnLoopback, requestJson, type RunningServer } from '@tracecart/testkit';
import { ConfigError, HttpError, errorMiddleware, healthRoutes, jsonBody, notFoundHandler, parseOrThrow, readConfig } from '../src';

describe('error contract and health routes', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const app = express();
    app.use(healthRoutes({ ok: async () => 'fine', broken: async () => Promise.reject(new Error('down')) }));
    app.use(jsonBody());
    app.post('/echo', (req, res) => {
      res.json(parseOrThrow(z.object({ name: z.string().min(2) }), req.body));
    });
    app.get('/teapot', () => {
      throw new HttpError(418, 'teapot', 'short and stout');
    });
    app.get('/bug', () => {
      throw new Error('secret internals');
    });
    app.use(notFoundHandler());
    app.use(errorMiddleware(pino({ level: 'silent' })));
    server = await listenOnLoopback(app);
  });
  afterAll(() => server.close());

  const call = (path: string, body?: unknown) => requestJson(server.url + path, { body });

  it.each([
    ['malformed JSON', '/echo', '{"name":', 400, 'invalid_json'],
    ['a schema violation, naming the field', '/echo', { name: 'x' }, 400, 'invalid_request'],
    ['a body over 64 KiB', '/echo', { name: 'y'.repeat(70_000) }, 413, 'payload_too_large'],
    ['a thrown HttpError', '/teapot', undefined, 418, 'teapot'],
    ['an unknown route', '/nowhere', undefined, 404, 'not_found'],
  ])('answers %s in the JSON error shape', async (_what, path, body, status, code) => {
    const res = await call(path, body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
  });

  it('names the field of a schema violation', async () => {
    expect((await call('/echo', { name: 'x' })).body.error.message).toMatch(/^name: /);
  });

  it('hides unexpected errors behind 500 internal_error', async () => {
    const res = await call('/bug');
    expect([res.status, res.body.error.code]).toEqual([500, 'internal_error']);
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  it('is healthy while a dependency is down, and not ready, naming it', async () => {
    expect((await call('/healthz')).status).toBe(200);
    const ready = await call('/readyz');
    expect([ready.status, ready.body.error.code]).toEqual([503, 'dependency_unavailable']);
    expect(ready.body.error.message).toBe('not ready: broken');
  });

  it('reads config once, frozen, and names a bad variable', () => {
    const schema = z.object({ PORT: z.coerce.number().int().min(1).max(65535).default(8080) });
    const config = readConfig(schema, {});
    expect(config.PORT).toBe(8080);
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => readConfig(schema, { PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => readConfig(schema, { PORT: 'eighty' })).toThrow(/^PORT: .*"eighty"/);
  });
});
