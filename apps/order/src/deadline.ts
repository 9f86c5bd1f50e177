import { HttpError } from '@tracecart/http-kit';

// Kept back from the caller's budget so this service gives up, and cleans up, before the
// caller does: a checkout the caller saw fail must not commit afterwards.
const SAFETY_MARGIN_MS = 250;

/** A point in time by which a checkout must be done or abandoned. */
export class Deadline {
  private constructor(private readonly at: number) {}

  /** From the caller's budget header when present, else the service's own default. */
  static fromBudget(headerValue: string | undefined, defaultMs: number): Deadline {
    const budget = Number(headerValue);
    const ms = Number.isFinite(budget) && budget > 0 ? Math.min(budget - SAFETY_MARGIN_MS, defaultMs) : defaultMs;
    return new Deadline(Date.now() + Math.max(ms, 1));
  }

  /** Milliseconds left, at least 1 so a call still fails through its own timeout path. */
  remainingMs(): number {
    return Math.max(1, this.at - Date.now());
  }

  /** Throws 503 dependency_unavailable once the deadline has passed. */
  check(step: string): void {
    if (Date.now() >= this.at) throw new HttpError(503, 'dependency_unavailable', `checkout deadline passed before ${step}`);
  }
}
