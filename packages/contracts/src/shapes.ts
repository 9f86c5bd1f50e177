import { z } from 'zod';
import { skuSchema, lineItemSchema } from './checkout';

/** A catalog product as every API returns it. */
export interface Product {
  sku: string;
  name: string;
  priceCents: number;
  onHand: number;
}

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

/** POST /products/lookup answer: the products found, in request order, and the SKUs not found. */
export interface LookupResponse {
  products: Product[];
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
