import { z } from 'zod';

/**
 * fulfilment's GET /dead-letters answer, as the console reads it: the order.placed messages that
 * failed every attempt, oldest first. Fields a bad message could not give (its order id) are null.
 */
export const deadLettersResponseSchema = z.object({
  deadLetters: z.array(
    z.object({
      /** The dead letter's own message id. */
      id: z.string(),
      /** The id of the order.placed message that failed. */
      sourceId: z.string().nullable(),
      orderId: z.string().nullable(),
      /** The last attempt's error. */
      error: z.string().nullable(),
      /** When it was dead-lettered (ISO 8601). */
      createdOn: z.string(),
      /** Retries the failed message had before it was dead-lettered. */
      retryCount: z.number().int().nullable(),
    }),
  ),
});

/** GET /dead-letters answer. */
export type DeadLettersResponse = z.infer<typeof deadLettersResponseSchema>;
