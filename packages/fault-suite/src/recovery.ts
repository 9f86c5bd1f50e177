import { waitUntil } from '@tracecart/testkit';
import type { CheckoutAnswer, CheckoutLoad } from './checkout-load';

/** The liveness bound on checkouts succeeding again after a dependency returns; not a timing claim. */
export const RECOVERY_BOUND_MS = 30_000;

const firstSuccessSentSince = (answers: readonly CheckoutAnswer[], since: number) =>
  answers.filter((a) => a.status === 201 && a.sentAt >= since).sort((a, b) => a.receivedAt - b.receivedAt)[0];

/**
 * Waits (up to `boundMs`) for a checkout sent at or after `since` to succeed; resolves with the
 * milliseconds from `since` to its answer, or undefined when none did within the bound.
 */
export async function awaitRecovery(load: CheckoutLoad, since: number, boundMs = RECOVERY_BOUND_MS): Promise<number | undefined> {
  const recovered = () => firstSuccessSentSince(load.answers, since) !== undefined;
  const outcome = await waitUntil('a checkout to succeed again', recovered, boundMs).then(
    () => 'recovered' as const,
    (error: Error) => error.message,
  );
  if (outcome !== 'recovered') return undefined;
  return firstSuccessSentSince(load.answers, since)!.receivedAt - since;
}

/** Waits (up to `boundMs`) until the load has `count` successes in all. */
export async function awaitSuccesses(load: CheckoutLoad, count: number, boundMs = RECOVERY_BOUND_MS): Promise<void> {
  await waitUntil(`${count} successful checkouts`, () => load.answers.filter((a) => a.status === 201).length >= count, boundMs);
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
