import { callDownstream } from '@tracecart/http-kit';
import { EVIDENCE, PRICING_VIEW_QUERY } from '@tracecart/contracts';
import type { Attributes } from '@opentelemetry/api';
import { withAttemptSpan } from './attempt-span';
import type { RetryPolicy } from './retry-policy';
import { callWithRetries, SYSTEM_CLOCK, type RetryClock } from './retrying-call';
import type {
  CatalogEntry,
  HeldReservationCursor,
  HeldReservationsPage,
  LineItem,
  LookupResponse,
  Product,
  ReleaseAbandonedResponse,
  ReservationResponse,
  ShipmentResponse,
} from '@tracecart/contracts';

const SERVICE = 'inventory';
const PRODUCT: RetriedCall = { method: 'GET', template: '/products/:sku' };
const LOOKUP: RetriedCall = { method: 'POST', template: '/products/lookup' };
const RESERVE: RetriedCall = { method: 'POST', template: '/reservations' };

// The route template, not the method: `http.request.method` would make the attempt look like a
// second HTTP request beside the one the instrumentation records under it.
function attemptAttributes(call: RetriedCall, resendCount: number): Attributes {
  const attributes: Attributes = { 'url.template': call.template };
  // Semantic conventions: set on resends only, so a first attempt carries none.
  if (resendCount > 0) attributes[EVIDENCE.ATTR_RESEND_COUNT] = resendCount;
  return attributes;
}

/** A release runs after the checkout's own deadline has passed, so it gets a short budget of its own. */
export const RELEASE_TIMEOUT_MS = 2000;

/** How the checkout's calls are retried; read per call, so a switch applies at once. */
export interface InventoryClientOptions {
  /** The policy for the next call, or undefined for a single attempt. */
  retries?: () => RetryPolicy | undefined;
  clock?: RetryClock;
}

/** One of the calls a retry policy covers: the method and the route it addresses. */
interface RetriedCall {
  method: 'GET' | 'POST';
  /** The route, with placeholders (`/products/:sku`), as `url.template`. */
  template: string;
}

/** Which held reservations to list: older than olderThanMs, after the cursor, at most limit. */
export interface HeldReservationsRequest {
  olderThanMs: number;
  after?: HeldReservationCursor | null;
  limit?: number;
}

/**
 * Typed calls to the inventory service. Every call takes its own time budget (a checkout's
 * remaining deadline, a read timeout); errors come back as the HttpError inventory sent, or 503
 * dependency_unavailable when it did not answer in time.
 */
export class InventoryClient {
  private readonly retries: () => RetryPolicy | undefined;
  private readonly clock: RetryClock;

  constructor(
    private readonly baseUrl: string,
    options: InventoryClientOptions = {},
  ) {
    this.retries = options.retries ?? (() => undefined);
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** GET /products/:sku: one product (the N+1 path when called per line). */
  async getProduct(sku: string, timeoutMs: number): Promise<Product> {
    return this.retried<Product>(PRODUCT, `/products/${encodeURIComponent(sku)}`, undefined, timeoutMs);
  }

  /** GET /products/:sku?view=pricing: name and price only, from the cache under fix.cache (the N+1 pricing path). */
  async getCatalogEntry(sku: string, timeoutMs: number): Promise<CatalogEntry> {
    const query = new URLSearchParams(PRICING_VIEW_QUERY);
    return this.retried<CatalogEntry>(PRODUCT, `/products/${encodeURIComponent(sku)}?${query}`, undefined, timeoutMs);
  }

  /** POST /products/lookup: every SKU in one call (the batched path). */
  async lookupProducts(skus: string[], timeoutMs: number): Promise<LookupResponse> {
    return this.retried<LookupResponse>(LOOKUP, '/products/lookup', { skus }, timeoutMs);
  }

  /**
   * POST /reservations: holds every line or none, keyed by the order id. Safe to resend: a
   * second reservation for the same order returns the lines the first one holds.
   */
  async reserve(orderId: string, items: LineItem[], timeoutMs: number): Promise<ReservationResponse> {
    return this.retried<ReservationResponse>(RESERVE, '/reservations', { orderId, items }, timeoutMs);
  }

  /** POST /reservations/:orderId/release: gives the stock back; safe to repeat. */
  async release(orderId: string, timeoutMs: number = RELEASE_TIMEOUT_MS): Promise<ReservationResponse> {
    return this.call<ReservationResponse>('POST', `/reservations/${encodeURIComponent(orderId)}/release`, undefined, timeoutMs);
  }

  /** POST /reservations/:orderId/ship: marks the reservation shipped; safe to repeat (the same shippedAt). */
  async ship(orderId: string, timeoutMs: number): Promise<ShipmentResponse> {
    return this.call<ShipmentResponse>('POST', `/reservations/${encodeURIComponent(orderId)}/ship`, undefined, timeoutMs);
  }

  /** GET /reservations/held: one page of held reservations older than olderThanMs, oldest first. */
  async listHeldReservations(request: HeldReservationsRequest, timeoutMs: number): Promise<HeldReservationsPage> {
    const query = new URLSearchParams({ olderThanMs: String(request.olderThanMs) });
    if (request.limit !== undefined) query.set('limit', String(request.limit));
    if (request.after) query.set('afterCreatedAt', request.after.afterCreatedAt);
    if (request.after?.afterOrderId) query.set('afterOrderId', request.after.afterOrderId);
    return this.call<HeldReservationsPage>('GET', `/reservations/held?${query}`, undefined, timeoutMs);
  }

  /** POST /reservations/release-abandoned: releases those orders still held and older than olderThanMs. */
  async releaseAbandoned(orderIds: string[], olderThanMs: number, timeoutMs: number): Promise<ReleaseAbandonedResponse> {
    return this.call<ReleaseAbandonedResponse>('POST', '/reservations/release-abandoned', { orderIds, olderThanMs }, timeoutMs);
  }

  /**
   * A call of the checkout path: one attempt, or under a retry policy each attempt in a CLIENT
   * span of its own (`inventory GET /products/:sku`) around its HTTP span, a resend carrying
   * `http.request.resend_count`, so the trace shows every attempt a call took.
   */
  private async retried<T>(call: RetriedCall, path: string, body: unknown, timeoutMs: number): Promise<T> {
    const policy = this.retries();
    if (!policy) return this.call<T>(call.method, path, body, timeoutMs);
    const name = `${SERVICE} ${call.method} ${call.template}`;
    return callWithRetries(
      policy,
      timeoutMs,
      (resendCount, attemptTimeoutMs) =>
        withAttemptSpan(name, attemptAttributes(call, resendCount), () => this.call<T>(call.method, path, body, attemptTimeoutMs)),
      this.clock,
    );
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body: unknown, timeoutMs: number): Promise<T> {
    const res = await callDownstream<T>(SERVICE, this.baseUrl, { method, path, body, timeoutMs });
    return res.body;
  }
}
