export { LIMITS, SKU_PATTERN, skuOf } from './limits';
export { skuSchema, lineItemSchema, checkoutRequestSchema, idempotencyKeySchema, mergeLineItems } from './checkout';
export type { LineItem, CheckoutRequest } from './checkout';
export { lookupRequestSchema, reservationRequestSchema } from './shapes';
export { DEADLINE_HEADER, checkoutHeadersSchema, orderIdSchema } from './headers';
export type {
  Product,
  OrderItem,
  Order,
  CheckoutResponse,
  LookupResponse,
  ReservationRequest,
  ReservationResponse,
} from './shapes';
