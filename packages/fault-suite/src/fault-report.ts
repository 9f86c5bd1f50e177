import type { InvariantResult } from '@tracecart/testkit';
import { countMalformed, summarizeAnswers } from './answers';
import { fulfilmentHeld, type FulfilmentCheck } from './fulfilment-check';
import type { CheckoutAnswer } from './checkout-load';

/** Everything one fault run found out; the tests assert on it and bench/faults.js prints it. */
export interface FaultReport {
  fault: string;
  sent: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  /** How many failures were not a 503 with the error shape, and a few of them. */
  malformedCount: number;
  malformed: string[];
  /** Per injection: ms from the dependency's return to the first checkout sent after it succeeding. */
  recoveriesMs: number[];
  /** Injections after which no checkout succeeded within the bound. */
  unrecovered: number;
  invariant: InvariantResult;
  /** Services that exited (or were restarted) though nobody meant them to. */
  unexpectedExits: string[];
  /** Figures that are reported, never asserted (e.g. latency while the trace store hung). */
  notes: string[];
  /** On a lab with fulfilment: whether every committed order shipped once after the fault. */
  fulfilment?: FulfilmentCheck;
}

/** Builds a report from the load's answers and the checks made after it. */
export function buildFaultReport(
  fault: string,
  answers: readonly CheckoutAnswer[],
  checks: { recoveries: (number | undefined)[]; invariant: InvariantResult; unexpectedExits: string[]; notes?: string[]; fulfilment?: FulfilmentCheck },
): FaultReport {
  const summary = summarizeAnswers(answers);
  const recoveriesMs = checks.recoveries.filter((ms): ms is number => ms !== undefined);
  return {
    fault,
    sent: summary.sent,
    byStatus: summary.byStatus,
    serverErrors: summary.serverErrors,
    malformedCount: countMalformed(answers),
    malformed: summary.malformed,
    recoveriesMs,
    unrecovered: checks.recoveries.length - recoveriesMs.length,
    invariant: checks.invariant,
    unexpectedExits: checks.unexpectedExits,
    notes: checks.notes ?? [],
    ...(checks.fulfilment ? { fulfilment: checks.fulfilment } : {}),
  };
}

/** Order ids (with line counts) of the load's 201s, for the invariant. */
export function acceptedOrders(answers: readonly CheckoutAnswer[]): Map<string, number> {
  return summarizeAnswers(answers).accepted;
}

/** Whether a run met every target that is asserted (not the 5 s recovery figure). */
export function faultHeld(report: FaultReport): boolean {
  const shipped = report.fulfilment === undefined || fulfilmentHeld(report.fulfilment);
  return report.serverErrors === 0 && report.malformedCount === 0 && report.unrecovered === 0 && report.invariant.held && report.unexpectedExits.length === 0 && shipped;
}
