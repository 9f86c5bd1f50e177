import express from 'express';
import pino from 'pino';
import { listenOnLoopback, requestJson, type RunningServer } from '@tracecart/testkit';
import { errorMiddleware, isDatabaseUnavailable } from '../src';

// Shaped like what pg, pg-pool and node:net reject with (pg's DatabaseError carries the SQLSTATE as code).
const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['57P01 admin shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash shutdown', withCode('57P02')],
    ['57P03 starting up', withCode('57P03', 'the database system is starting up')],
    ['57P03 shutting down', withCode('57P03', 'the database system is shutting down')],
    ['08006 connection failure', withCode('08006')],
    ['08P01 protocol violation (class 08)', withCode('08P01')],
    ['53300 too many connections', withCode('53300')],
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5999')],
    ['a reset connection', withCode('ECONNRESET', 'read ECONNRESET')],
    ['a connect timeout', withCode('ETIMEDOUT')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a client whose connection broke', new Error('Client has encountered a connection error and is not queryable')],
    ['a wrapped cause', new Error('query failed', { cause: withCode('57P01') })],
    ['an AggregateError of refusals', new AggregateError([withCode('ECONNREFUSED')], '')],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a statement timeout (57014)', withCode('57014', 'canceling statement due to statement timeout')],
    ['a syntax error', withCode('42601')],
    ['a plain bug', new TypeError('x is undefined')],
    ['no error object', 'ECONNREFUSED'],
    ['undefined', undefined],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('error middleware and an unavailable database', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const app = express();
    app.get('/restart', () => {
      throw withCode('57P01', 'terminating connection due to administrator command');
    });
    app.get('/refused', () => {
      throw withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5999');
    });
    app.get('/unique', () => {
      throw withCode('23505', 'duplicate key value violates unique constraint');
    });
    app.use(errorMiddleware(pino({ level: 'silent' })));
    server = await listenOnLoopback(app);
  });
  afterAll(() => server.close());

  it.each(['/restart', '/refused'])('answers %s with 503 dependency_unavailable in the JSON error shape', async (path) => {
    const res = await requestJson(server.url + path);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: { code: 'dependency_unavailable', message: expect.stringMatching(/^the database is unavailable: /) } });
  });

  it('still hides other database errors behind 500 internal_error', async () => {
    const res = await requestJson(server.url + '/unique');
    expect([res.status, res.body.error.code]).toEqual([500, 'internal_error']);
  });
});
