import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { HttpError } from '@tracecart/http-kit';
import { withClient } from '@tracecart/db';
import { currentTraceId, type Logger } from '@tracecart/tracing';
import type { CheckoutRequest, CheckoutResponse } from '@tracecart/contracts';
import type { InventoryClient } from '@tracecart/inventory-client';
import type { OrderRepo } from './order-repo';
import type { Deadline } from './deadline';
import { lookupProducts, priceItems } from './pricing';
import { hashCheckoutRequest } from './request-hash';
import { sendOrderPlaced, type OrderOutbox } from './order-outbox';

/** The result of placing an order: the response and whether it replays an earlier one. */
export interface PlacedOrder {
  response: CheckoutResponse;
  replayed: boolean;
}

/** Collaborators of the order service. */
export interface OrderServiceDeps {
  pool: Pool;
  orders: OrderRepo;
  inventory: InventoryClient;
  logger: Logger;
  /** Whether lookups are batched (fix.batch); read per checkout so a toggle applies at once. */
  batchLookups: () => boolean;
  /** The order.placed queue; without one (tests of the checkout alone) no message is sent. */
  outbox?: OrderOutbox;
}

const RELEASE_ATTEMPTS = 3;

/** Places orders: price, reserve, then write order and items in one transaction, or undo. */
export class OrderService {
  constructor(private readonly deps: OrderServiceDeps) {}

  /** Places one order; with an idempotency key a retry replays the first response. */
  async placeOrder(request: CheckoutRequest, idempotencyKey: string | undefined, deadline: Deadline): Promise<PlacedOrder> {
    const orderId = randomUUID();
    // The client stays checked out while inventory is called: withClient keeps a connection
    // lost meanwhile from crashing the process, and discards that client instead of pooling it.
    return withClient(this.deps.pool, async (tx, discard) => {
      try {
        await tx.query('BEGIN');
        if (idempotencyKey) {
          const replay = await this.claimOrReplay(tx, idempotencyKey, request, orderId);
          if (replay) {
            await tx.query('ROLLBACK');
            return { response: replay, replayed: true };
          }
        }
        const response = await this.reserveAndWrite(tx, orderId, request, idempotencyKey, deadline);
        return { response, replayed: false };
      } catch (error) {
        await tx.query('ROLLBACK').catch(discard);
        throw error;
      }
    });
  }

  private async claimOrReplay(tx: PoolClient, key: string, request: CheckoutRequest, orderId: string) {
    const hash = hashCheckoutRequest(request);
    if (await this.deps.orders.claimKey(tx, key, hash, orderId)) return undefined;
    const stored = await this.deps.orders.readKey(tx, key);
    if (stored.requestHash !== hash || !stored.response) {
      throw new HttpError(409, 'idempotency_conflict', 'this Idempotency-Key was used with a different request');
    }
    return stored.response;
  }

  private async reserveAndWrite(
    tx: PoolClient,
    orderId: string,
    request: CheckoutRequest,
    idempotencyKey: string | undefined,
    deadline: Deadline,
  ): Promise<CheckoutResponse> {
    const products = await lookupProducts(this.deps.inventory, request.items, this.deps.batchLookups(), deadline);
    const items = priceItems(request.items, products);
    let mayHoldStock = true;
    try {
      await this.deps.inventory.reserve(orderId, request.items, deadline.remainingMs()).catch((error: unknown) => {
        // A 4xx from inventory is definite: it rolled back and holds nothing for this order.
        if (error instanceof HttpError && error.status < 500) mayHoldStock = false;
        throw error;
      });
      const response: CheckoutResponse = {
        orderId,
        status: 'confirmed',
        customerId: request.customerId,
        totalCents: items.reduce((sum, i) => sum + i.lineTotalCents, 0),
        items,
        createdAt: new Date().toISOString(),
        traceId: currentTraceId(),
      };
      await this.deps.orders.insertOrder(tx, response);
      // In the order's transaction: fulfilment hears of exactly the orders that commit, and a
      // replayed checkout (which returns before this) sends nothing.
      if (this.deps.outbox) await sendOrderPlaced(this.deps.outbox, tx, response);
      if (idempotencyKey) await this.deps.orders.storeResponse(tx, idempotencyKey, response);
      deadline.check('commit');
      await tx.query('COMMIT');
      return response;
    } catch (error) {
      if (mayHoldStock) await this.releaseStock(orderId);
      throw error;
    }
  }

  // Retried because a reservation left held would leak stock; each attempt is idempotent.
  private async releaseStock(orderId: string): Promise<void> {
    for (let attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
      try {
        await this.deps.inventory.release(orderId);
        return;
      } catch (error) {
        this.deps.logger.warn({ err: error, orderId, attempt }, 'releasing reservation failed');
      }
    }
    this.deps.logger.error({ orderId }, 'reservation left held after every release attempt');
  }
}
