import { createTestDatabase, waitUntil, type TestDatabase } from '@tracecart/testkit';
import type { OrderQueue } from '../src';
import { orderPlaced, startTestQueue } from './support/queue-fixtures';

const RETRY_LIMIT = 2;

describe('a message that fails every attempt', () => {
  let db: TestDatabase;
  let queue: OrderQueue;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 10 });
    queue = await startTestQueue(db.url, 'worker', { retry: { limit: RETRY_LIMIT, delaySeconds: 0, backoff: false } });
  });
  afterAll(async () => {
    await queue?.stop({ timeoutMs: 1000 });
    await db.drop();
  });

  it('is tried retryLimit + 1 times, then listed as a dead letter with its error', async () => {
    const message = orderPlaced();
    const tx = await db.pool.connect();
    let messageId: string;
    try {
      await tx.query('BEGIN');
      messageId = await queue.sendOrderPlaced(tx, message);
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
    const deliveries: number[] = [];
    await queue.workOrderPlaced({ concurrency: 1 }, async (_message, delivery) => {
      deliveries.push(delivery.retryCount);
      throw new Error('poison message');
    });
    await waitUntil('the message in the dead-letter queue', async () => (await queue.deadLetters(10)).length > 0, 30_000);

    expect(deliveries).toEqual([0, 1, 2]);
    const [dead] = await queue.deadLetters(10);
    expect(dead).toMatchObject({ sourceId: messageId, orderId: message.orderId, error: 'poison message', retryCount: RETRY_LIMIT });
    expect(await queue.queueDepth()).toEqual({ queued: 0, active: 0, deadLettered: 1 });
  });
});
