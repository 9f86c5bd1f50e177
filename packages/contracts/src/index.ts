export { LIMITS, SKU_PATTERN, skuOf } from './limits';
export { skuSchema, lineItemSchema, checkoutRequestSchema, idempotencyKeySchema, mergeLineItems } from './checkout';
export type { LineItem, CheckoutRequest } from './checkout';
export { PRICING_VIEW_QUERY, lookupRequestSchema, reservationRequestSchema } from './shapes';
export { DEADLINE_HEADER, checkoutHeadersSchema, orderIdSchema } from './headers';
/** The idempotency headers of a checkout: the key, and the mark on a replayed answer. */
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './headers';
export type {
  CatalogEntry,
  Product,
  OrderItem,
  Order,
  CheckoutResponse,
  LookupResponse,
  ReservationRequest,
  ReservationResponse,
  ShipmentResponse,
} from './shapes';
/** The lab's span attribute, event and span names, all under `lab.`. */
export { LAB_NAMESPACE, fixAttributeOf, problemAttributeOf, PROBLEM_ATTRIBUTE_PREFIX, FIX_ATTRIBUTE_PREFIX, FIX_ATTRIBUTES, LAB_ATTRIBUTES, LAB_EVENTS, LAB_SPANS } from './span-names';
/** Shapes of the abandoned-reservation sweep: held reservations by age, and their release. */
export { MAX_SWEEP_BATCH, heldReservationsQuerySchema, releaseAbandonedRequestSchema } from './reservation-sweep';
/** Types of the abandoned-reservation sweep's requests and answers. */
export type {
  HeldReservation,
  HeldReservationCursor,
  HeldReservationsPage,
  HeldReservationsQuery,
  ReleaseAbandonedRequest,
  ReleaseAbandonedResponse,
} from './reservation-sweep';
/** Generic names of the evidence on slow statements and cache lookups (plans, waits, pool wait), none under `lab.`. */
export * as EVIDENCE from './evidence-names';
/** Names of the connection-pool metrics on a service's /metrics (OpenTelemetry's db.client.connection.*), and their pool label. */
export * as POOL_METRICS from './metric-names';
/** The order.placed queue, its messaging span attributes (OpenTelemetry semantic conventions), the message envelope and freshness metrics. */
export * as MESSAGING from './messaging-names';
/** The data of an order.placed message and the trace context it carries. */
export { orderPlacedMessageSchema, messageTraceSchema } from './order-placed';
export type { OrderPlacedMessage, MessageTrace } from './order-placed';
/** fulfilment's GET /dead-letters answer. */
export { deadLettersResponseSchema } from './dead-letters';
export type { DeadLettersResponse } from './dead-letters';
