/** Faults a test may switch on through the order config; none is on in a real run. */
export interface OrderTestFaults {
  /** Kill the process right after committing an order for this customer id, before answering. */
  exitAfterCommitFor?: string;
}

/**
 * Ends the process the way a crash would (SIGKILL: no drain, no flush) when the fault names this
 * committed order's customer; the caller then sees its connection drop with the order committed.
 */
export function crashAfterCommitIfAsked(faults: OrderTestFaults, customerId: string): void {
  if (faults.exitAfterCommitFor !== customerId) return;
  process.kill(process.pid, 'SIGKILL');
}
