import { z } from 'zod';
import { skuSchema, lineItemSchema } from './checkout';

/** What pricing a checkout reads of a product: name and price, which no checkout changes (so they cache well). */
export interface CatalogEntry {
  sku: string;
  name: string;
  priceCents: number;
}

/** A catalog product with its current stock, as the product page shows it. */
export interface Product extends CatalogEntry {
  onHand: number;
}

/** Query of GET /products/:sku asking for the catalog entry only (no stock): the per-line pricing read. */
export const PRICING_VIEW_QUERY = { view: 'pricing' } as const;

/** One priced line of a confirmed order. */
export interface OrderItem {
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

/** An order as order and gateway return it. */
export interface Order {
  orderId: string;
  status: 'confirmed';
  customerId: string;
  totalCents: number;
  items: OrderItem[];
  createdAt: string;
}

/** The checkout answer: the order plus the id of its trace. */
export interface CheckoutResponse extends Order {
  traceId?: string;
}

/** POST /products/lookup body: many SKUs at once. */
export const lookupRequestSchema = z.object({
  skus: z.array(skuSchema).min(1).max(1000),
});

/** POST /products/lookup answer: the entries found (no stock: the reservation checks it), in request order, and the SKUs not found. */
export interface LookupResponse {
  products: CatalogEntry[];
  missing: string[];
}

/** POST /reservations body: reserve every line or none, under the order's id. */
export const reservationRequestSchema = z.object({
  orderId: z.uuid(),
  items: z.array(lineItemSchema).min(1).max(1000),
});

/** A validated reservation request. */
export type ReservationRequest = z.infer<typeof reservationRequestSchema>;

/** The answer to a reservation or its release. */
export interface ReservationResponse {
  orderId: string;
  status: 'held' | 'released';
  items: { sku: string; quantity: number }[];
}

/** The answer to shipping a reservation: when it was first marked shipped (the same on every repeat). */
export interface ShipmentResponse {
  orderId: string;
  status: 'shipped';
  shippedAt: string;
}
