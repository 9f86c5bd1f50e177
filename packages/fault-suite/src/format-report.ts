import type { FaultReport } from './fault-report';
import { faultHeld } from './fault-report';
import { fulfilmentHeld, type FulfilmentCheck } from './fulfilment-check';

/** The recovery figure the issue targets: checkouts succeed again within this of each return. */
export const RECOVERY_TARGET_MS = 5000;

/** Percentile (nearest rank) of a list of numbers; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function formatFulfilment(check: FulfilmentCheck): string {
  const counts = `${check.shipments} shipments of ${check.orders} committed orders, ${check.deadLettered} dead-lettered`;
  if (fulfilmentHeld(check)) return `yes: ${counts}`;
  const problems = [
    check.unshipped ? `${check.unshipped} never shipped (e.g. ${check.unshippedExamples.join(', ')})` : '',
    check.orphanShipments ? `${check.orphanShipments} shipments of no committed order` : '',
    check.unmarkedReservations ? `${check.unmarkedReservations} reservations not marked shipped` : '',
  ].filter(Boolean);
  return `no: ${counts}${problems.length ? `; ${problems.join('; ')}` : ''}`;
}

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');

/** The lines bench/faults.js prints for one fault. */
export function formatFaultReport(report: FaultReport): string[] {
  const failed = Object.entries(report.byStatus).filter(([status]) => status !== '201');
  const max = report.recoveriesMs.length ? Math.max(...report.recoveriesMs) : Number.NaN;
  const withinTarget = Number.isFinite(max) && max <= RECOVERY_TARGET_MS && report.unrecovered === 0;
  return [
    `${report.fault}`,
    `  checkouts sent          ${report.sent}`,
    `  failed (by status)      ${failed.length ? failed.map(([s, n]) => `${s}: ${n}`).join(', ') : 'none'}`,
    `  500s                    ${report.serverErrors} (target 0)`,
    `  malformed failures      ${report.malformedCount}${report.malformed.length ? ` e.g. ${report.malformed[0]}` : ''}`,
    `  recovery after return   max ${seconds(max)}, median ${seconds(percentile(report.recoveriesMs, 50))} over ${report.recoveriesMs.length}` +
      `${report.unrecovered ? `, ${report.unrecovered} never recovered` : ''} (target ${seconds(RECOVERY_TARGET_MS)}: ${withinTarget ? 'met' : 'missed'})`,
    `  invariant held          ${report.invariant.held ? 'yes' : `no: ${report.invariant.problems.slice(0, 3).join('; ')}`}`,
    `  unexpected exits        ${report.unexpectedExits.length ? report.unexpectedExits.join(', ') : 'none'}`,
    ...(report.fulfilment ? [`  shipped once            ${formatFulfilment(report.fulfilment)}`] : []),
    ...report.notes.map((note) => `  ${note}`),
    `  verdict                 ${faultHeld(report) ? 'held' : 'FAILED'}`,
  ];
}
