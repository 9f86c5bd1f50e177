import { formatFaultReport, type FaultReport } from '../../src';

/**
 * The assertions every fault shares: no 500s, every failure a 503 with the error shape,
 * checkouts succeeded again after each injection (within the liveness bound), the invariant
 * held and no service exited that was not meant to; on a lab with fulfilment, every committed
 * order shipped once and none was dead-lettered. The report is printed for the reader.
 */
export function expectFaultHeld(report: FaultReport, injections: number): void {
  console.log(formatFaultReport(report).join('\n'));
  expect(report.byStatus['201']).toBeGreaterThan(0);
  expect(report.serverErrors).toBe(0);
  expect({ malformedCount: report.malformedCount, examples: report.malformed }).toEqual({ malformedCount: 0, examples: [] });
  expect(report.recoveriesMs).toHaveLength(injections);
  expect(report.unrecovered).toBe(0);
  expect(report.invariant).toEqual({ held: true, problems: [] });
  expect(report.unexpectedExits).toEqual([]);
  if (report.fulfilment) {
    const { orders, shipments, unshipped, orphanShipments, unmarkedReservations, deadLettered } = report.fulfilment;
    expect(orders).toBeGreaterThan(0);
    expect({ shipments, unshipped, orphanShipments, unmarkedReservations, deadLettered }).toEqual({ shipments: orders, unshipped: 0, orphanShipments: 0, unmarkedReservations: 0, deadLettered: 0 });
  }
}
