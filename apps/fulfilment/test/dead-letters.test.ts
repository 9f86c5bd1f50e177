// A message whose order inventory does not know (no reservation to ship) fails every attempt and
// ends in the dead-letter queue, listed by GET /dead-letters; it is not tried again after that.
import { randomUUID } from 'node:crypto';
import { MESSAGING, type OrderPlacedMessage } from '@tracecart/contracts';
import { startQueue, type OrderQueue } from '@tracecart/queue';
import { createLogger } from '@tracecart/tracing';
import { requestJson, startLab, waitUntil, type Lab, type Stack, type TestDatabase } from '@tracecart/testkit';
import type { DeadLettersResponse } from '@tracecart/contracts';

const RETRY_LIMIT = 1;

describe('GET /dead-letters', () => {
  let db: TestDatabase;
  let lab: Lab;
  let stack: Stack;
  let producer: OrderQueue;

  beforeAll(async () => {
    lab = await startLab({ catalogSize: 100, fulfilment: { env: { QUEUE_RETRY_LIMIT: String(RETRY_LIMIT) } } });
    ({ db, stack } = lab);
    producer = await startQueue({ connectionString: db.url, applicationName: 'dead-letter-test', role: 'producer', logger: createLogger('test', 'silent') });
  });
  afterAll(async () => {
    await producer?.stop();
    await lab?.stop();
  });

  const deadLetters = (query = '') => requestJson<DeadLettersResponse>(`${stack.fulfilment!.url}/dead-letters${query}`, { method: 'GET' });

  async function sendForUnknownOrder(): Promise<OrderPlacedMessage> {
    const message = { orderId: randomUUID(), customerId: 'dlq-1', items: [{ sku: 'SKU-0000003', quantity: 1 }], placedAt: new Date().toISOString() };
    const tx = await db.pool.connect();
    try {
      await tx.query('BEGIN');
      await producer.sendOrderPlaced(tx, message);
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
    return message;
  }

  it('answers an empty list while nothing failed', async () => {
    const res = await deadLetters();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deadLetters: [] });
  });

  it('lists an order inventory cannot ship once its retries are spent, and leaves it there', async () => {
    const message = await sendForUnknownOrder();
    await waitUntil('the dead letter', async () => (await deadLetters()).body.deadLetters.length === 1, 30_000);
    const [dead] = (await deadLetters()).body.deadLetters;
    expect(dead).toEqual({
      id: expect.any(String),
      sourceId: expect.any(String),
      orderId: message.orderId,
      error: `no reservation for order ${message.orderId}`,
      createdOn: expect.any(String),
      retryCount: RETRY_LIMIT,
    });
    const { rows } = await db.pool.query(`SELECT state, retry_count FROM ${MESSAGING.QUEUE_SCHEMA}.job WHERE id = $1`, [dead.sourceId]);
    expect(rows).toEqual([{ state: 'failed', retry_count: RETRY_LIMIT }]);
    expect((await db.pool.query('SELECT 1 FROM shipments WHERE order_id = $1', [message.orderId])).rowCount).toBe(0);
  }, 40_000);

  it('takes a limit from 1 to 200 and refuses any other', async () => {
    await sendForUnknownOrder();
    await waitUntil('two dead letters', async () => (await deadLetters('?limit=200')).body.deadLetters.length === 2, 30_000);
    expect((await deadLetters('?limit=1')).body.deadLetters).toHaveLength(1);
    for (const bad of ['0', '201', 'ten', '1.5']) {
      const res = await deadLetters(`?limit=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'invalid_request', message: expect.stringMatching(/^limit: /), traceId: expect.any(String) } });
    }
  }, 40_000);
});
