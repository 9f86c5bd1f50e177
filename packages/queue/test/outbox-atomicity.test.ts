import type { PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '@tracecart/testkit';
import type { OrderQueue } from '../src';
import { countMessagesFor, orderPlaced, startTestQueue } from './support/queue-fixtures';

// The message is an outbox row: it exists exactly when the transaction that sent it commits.
describe('sendOrderPlaced in the caller transaction', () => {
  let db: TestDatabase;
  let queue: OrderQueue;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 10 });
    await db.pool.query('CREATE TABLE outbox_probe (order_id uuid PRIMARY KEY)');
    queue = await startTestQueue(db.url, 'producer');
  });
  afterAll(async () => {
    await queue?.stop({ timeoutMs: 1000 });
    await db.drop();
  });

  async function sendInTransaction(tx: PoolClient, orderId: string): Promise<string> {
    await tx.query('BEGIN');
    await tx.query('INSERT INTO outbox_probe (order_id) VALUES ($1)', [orderId]);
    return queue.sendOrderPlaced(tx, orderPlaced({ orderId }));
  }

  it('commits the message with the row: exactly one message', async () => {
    const orderId = orderPlaced().orderId;
    const tx = await db.pool.connect();
    try {
      const id = await sendInTransaction(tx, orderId);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      // Not visible to anyone else before the commit.
      expect(await countMessagesFor(db.pool, orderId)).toBe(0);
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
    expect(await countMessagesFor(db.pool, orderId)).toBe(1);
    expect((await queue.queueDepth()).queued).toBe(1);
  });

  it('leaves no message when the transaction rolls back', async () => {
    const orderId = orderPlaced().orderId;
    const tx = await db.pool.connect();
    try {
      await sendInTransaction(tx, orderId);
      await tx.query('ROLLBACK');
    } finally {
      tx.release();
    }
    expect(await countMessagesFor(db.pool, orderId)).toBe(0);
  });

  it('leaves no message when the connection dies before COMMIT', async () => {
    const orderId = orderPlaced().orderId;
    const tx = await db.pool.connect();
    const clientErrors: Error[] = [];
    // The terminated backend makes the checked-out client emit 'error'; kept, not thrown.
    tx.on('error', (error) => clientErrors.push(error));
    try {
      await sendInTransaction(tx, orderId);
      const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      await expect(tx.query('COMMIT')).rejects.toThrow();
    } finally {
      tx.release(true);
    }
    expect(await countMessagesFor(db.pool, orderId)).toBe(0);
    const { rows } = await db.pool.query('SELECT 1 FROM outbox_probe WHERE order_id = $1', [orderId]);
    expect(rows).toHaveLength(0);
  });
});
