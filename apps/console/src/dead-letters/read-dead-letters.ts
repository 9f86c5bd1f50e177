import { deadLettersResponseSchema as deadLettersSchema } from '@tracecart/contracts';
import type { LabDeadLetters } from '../api-types';

/** Where fulfilment is and how long to wait for it. */
export interface DeadLetterSource {
  fulfilmentUrl: string;
  timeoutMs: number;
}

async function fetchDeadLetters(source: DeadLetterSource, limit: number): Promise<unknown> {
  const where = `fulfilment at ${source.fulfilmentUrl}`;
  let response: Response;
  try {
    response = await fetch(`${source.fulfilmentUrl}/dead-letters?limit=${limit}`, { signal: AbortSignal.timeout(source.timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    throw new Error(`${where} did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`${where} answered ${response.status} on /dead-letters`);
  try {
    return await response.json();
  } catch (error) {
    throw new Error(`${where} answered /dead-letters with something other than JSON: ${(error as Error).message}`);
  }
}

/**
 * Fulfilment's dead letters, at most `limit`. Never throws: a fulfilment that is down, old or
 * confused leaves `unavailable` saying why, so the page shows the reason and keeps asking.
 */
export async function readDeadLetters(source: DeadLetterSource, limit: number): Promise<LabDeadLetters> {
  try {
    const parsed = deadLettersSchema.safeParse(await fetchDeadLetters(source, limit));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { unavailable: `fulfilment at ${source.fulfilmentUrl} sent dead letters of another shape (${issue.path.join('.')}: ${issue.message})`, deadLetters: [] };
    }
    return { unavailable: null, deadLetters: parsed.data.deadLetters.slice(0, limit) };
  } catch (error) {
    return { unavailable: (error as Error).message, deadLetters: [] };
  }
}
