import type { Pool } from 'pg';

/** The notification fulfilment records once an order has shipped. */
export const SHIPPED_NOTIFICATION = 'shipped';

/** Fulfilment's own tables: shipments and notifications, one row per order (and kind). */
export class FulfilmentRepo {
  constructor(private readonly pool: Pool) {}

  /** The label an order was shipped with, or undefined when it has not shipped. */
  async findShipmentLabel(orderId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ carrier_label: string }>('SELECT carrier_label FROM shipments WHERE order_id = $1', [orderId]);
    return rows[0]?.carrier_label;
  }

  /** Records the shipment; a repeat for the same order changes nothing. */
  async recordShipment(orderId: string, carrierLabel: string): Promise<void> {
    await this.pool.query('INSERT INTO shipments (order_id, carrier_label) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING', [orderId, carrierLabel]);
  }

  /** Records a notification of this kind for the order, once. */
  async recordNotification(orderId: string, kind: string): Promise<void> {
    await this.pool.query('INSERT INTO notifications (order_id, kind) VALUES ($1, $2) ON CONFLICT (order_id, kind) DO NOTHING', [orderId, kind]);
  }
}
