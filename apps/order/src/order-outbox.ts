import type { PoolClient } from 'pg';
import type { OrderQueue } from '@tracecart/queue';
import type { CheckoutResponse, OrderPlacedMessage } from '@tracecart/contracts';

/** Where a committed order's message goes: the order.placed queue, on the checkout's transaction. */
export type OrderOutbox = Pick<OrderQueue, 'sendOrderPlaced'>;

/** The order.placed message of an order: its lines, and its creation time as the start of the freshness clock. */
export function orderPlacedMessageOf(order: CheckoutResponse): OrderPlacedMessage {
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    items: order.items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
    placedAt: order.createdAt,
  };
}

/** Sends the order's message on tx, so it commits (or not) with the order row. */
export async function sendOrderPlaced(outbox: OrderOutbox, tx: PoolClient, order: CheckoutResponse): Promise<void> {
  await outbox.sendOrderPlaced(tx, orderPlacedMessageOf(order));
}
