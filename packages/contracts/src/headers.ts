import { z } from 'zod';
import { idempotencyKeySchema } from './checkout';

/** The header carrying a caller's remaining time budget in milliseconds (gateway → order). */
export const DEADLINE_HEADER = 'x-deadline-ms';

/** The headers a checkout may carry: an optional Idempotency-Key (read lower-cased). */
export const checkoutHeadersSchema = z.object({ 'idempotency-key': idempotencyKeySchema.optional() });

/** An order id in a path: a UUID. */
export const orderIdSchema = z.uuid('must be a UUID');
