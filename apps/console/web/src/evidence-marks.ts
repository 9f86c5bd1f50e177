import type { SpanEvidence, WaterfallRow } from '../../src/api-types';
import { h } from './dom';

// PostgreSQL's own words, as EXPLAIN and pg_stat_activity write them.
/** The plan node that reads a whole table. */
export const SEQ_SCAN = 'Seq Scan';
/** The wait event type of a backend waiting for a lock. */
export const LOCK_WAIT_TYPE = 'Lock';

/** The span's own plan reads a whole table (a side EXPLAIN span's plan is its statement's, marked there). */
export function hasSeqScan(evidence: SpanEvidence | null): boolean {
  return !evidence?.evidenceFor && (evidence?.plan?.nodeTypes.includes(SEQ_SCAN) ?? false);
}

/** The span's backend was sampled waiting for a lock. */
export function hasLockWait(evidence: SpanEvidence | null): boolean {
  return !evidence?.evidenceFor && (evidence?.waits?.waits.some((w) => w.type === LOCK_WAIT_TYPE) ?? false);
}

/** Small badges for the waterfall row: `seq scan`, `lock wait`. */
export function evidenceBadges(row: WaterfallRow): HTMLElement[] {
  const badges: HTMLElement[] = [];
  if (hasSeqScan(row.evidence)) badges.push(h('span', { class: 'evidence-badge seq-scan', title: 'its query plan reads a whole table (Seq Scan)', text: 'seq scan' }));
  if (hasLockWait(row.evidence)) badges.push(h('span', { class: 'evidence-badge lock-wait', title: `it waited for a lock: ${row.evidence?.waits?.summary ?? ''}`, text: 'lock wait' }));
  return badges;
}
