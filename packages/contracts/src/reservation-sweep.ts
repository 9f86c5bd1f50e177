import { z } from 'zod';

// Abandoned reservations are minutes old; a day bounds what a sweep can ask about.
const MAX_AGE_MS = 86_400_000;

/** The most reservations one page lists, and the most orders one release-abandoned call names. */
export const MAX_SWEEP_BATCH = 1000;

const ageMs = z.number('must be a number of milliseconds').int('must be a whole number of milliseconds').min(1).max(MAX_AGE_MS);

/**
 * GET /reservations/held query: held reservations created more than olderThanMs ago, oldest
 * first, strictly after the cursor (afterCreatedAt, then afterOrderId breaking ties).
 */
export const heldReservationsQuerySchema = z
  .strictObject({
    olderThanMs: z.coerce.number('must be a number of milliseconds').pipe(ageMs),
    afterCreatedAt: z.iso.datetime('must be an ISO 8601 UTC timestamp').optional(),
    afterOrderId: z.uuid('must be a UUID').optional(),
    limit: z.coerce.number('must be a number').int('must be a whole number').min(1).max(MAX_SWEEP_BATCH).default(200),
  })
  .refine((q) => q.afterOrderId === undefined || q.afterCreatedAt !== undefined, {
    path: ['afterOrderId'],
    message: 'goes with afterCreatedAt',
  });

/** A validated held-reservations query. */
export type HeldReservationsQuery = z.output<typeof heldReservationsQuerySchema>;

/** Where the next page of held reservations starts: after this reservation. */
export interface HeldReservationCursor {
  /** ISO 8601 UTC with microseconds, as a page reports it, so no reservation falls between pages. */
  afterCreatedAt: string;
  afterOrderId?: string;
}

/** One held reservation: the order it holds stock for and when it was made. */
export interface HeldReservation {
  orderId: string;
  /** ISO 8601 UTC with microseconds. */
  createdAt: string;
}

/** GET /reservations/held answer: one page, oldest first, and where the next one starts (null after the last). */
export interface HeldReservationsPage {
  reservations: HeldReservation[];
  next: HeldReservationCursor | null;
}

/** POST /reservations/release-abandoned body: give back the stock of those orders still held and older than olderThanMs. */
export const releaseAbandonedRequestSchema = z.strictObject({
  orderIds: z.array(z.uuid('must be a UUID')).min(1).max(MAX_SWEEP_BATCH),
  olderThanMs: ageMs,
});

/** A validated release-abandoned request. */
export type ReleaseAbandonedRequest = z.infer<typeof releaseAbandonedRequestSchema>;

/** POST /reservations/release-abandoned answer: the orders whose stock this call gave back. */
export interface ReleaseAbandonedResponse {
  /** The others were already released, too young, or never held. */
  released: string[];
}
