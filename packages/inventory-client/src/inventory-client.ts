import { callDownstream } from '@tracecart/http-kit';
import { PRICING_VIEW_QUERY } from '@tracecart/contracts';
import type {
  CatalogEntry,
  HeldReservationCursor,
  HeldReservationsPage,
  LineItem,
  LookupResponse,
  Product,
  ReleaseAbandonedResponse,
  ReservationResponse,
} from '@tracecart/contracts';

const SERVICE = 'inventory';

/** A release runs after the checkout's own deadline has passed, so it gets a short budget of its own. */
export const RELEASE_TIMEOUT_MS = 2000;

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
  constructor(private readonly baseUrl: string) {}

  /** GET /products/:sku: one product (the N+1 path when called per line). */
  async getProduct(sku: string, timeoutMs: number): Promise<Product> {
    return this.call<Product>('GET', `/products/${encodeURIComponent(sku)}`, undefined, timeoutMs);
  }

  /** GET /products/:sku?view=pricing: name and price only, from the cache under fix.cache (the N+1 pricing path). */
  async getCatalogEntry(sku: string, timeoutMs: number): Promise<CatalogEntry> {
    const query = new URLSearchParams(PRICING_VIEW_QUERY);
    return this.call<CatalogEntry>('GET', `/products/${encodeURIComponent(sku)}?${query}`, undefined, timeoutMs);
  }

  /** POST /products/lookup: every SKU in one call (the batched path). */
  async lookupProducts(skus: string[], timeoutMs: number): Promise<LookupResponse> {
    return this.call<LookupResponse>('POST', '/products/lookup', { skus }, timeoutMs);
  }

  /** POST /reservations: holds every line or none, keyed by the order id. */
  async reserve(orderId: string, items: LineItem[], timeoutMs: number): Promise<ReservationResponse> {
    return this.call<ReservationResponse>('POST', '/reservations', { orderId, items }, timeoutMs);
  }

  /** POST /reservations/:orderId/release: gives the stock back; safe to repeat. */
  async release(orderId: string, timeoutMs: number = RELEASE_TIMEOUT_MS): Promise<ReservationResponse> {
    return this.call<ReservationResponse>('POST', `/reservations/${encodeURIComponent(orderId)}/release`, undefined, timeoutMs);
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

  private async call<T>(method: 'GET' | 'POST', path: string, body: unknown, timeoutMs: number): Promise<T> {
    const res = await callDownstream<T>(SERVICE, this.baseUrl, { method, path, body, timeoutMs });
    return res.body;
  }
}
