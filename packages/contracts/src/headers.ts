import { z } from 'zod';
import { idempotencyKeySchema } from './checkout';

/** The header carrying a caller's remaining time budget in milliseconds (gateway → order). */
export const DEADLINE_HEADER = 'x-deadline-ms';

/** The headers a checkout may carry: an optional Idempotency-Key (read lower-cased). */
export const checkoutHeadersSchema = z.object({ 'idempotency-key': idempotencyKeySchema.optional() });

/** An order id in a path: a UUID. */
export const orderIdSchema = z.uuid('must be a UUID');

/** The Idempotency-Key header: the shopper's on a checkout, and the one used on every checkout answer. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Set to "true" on an answer that replays the first response to the same Idempotency-Key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
