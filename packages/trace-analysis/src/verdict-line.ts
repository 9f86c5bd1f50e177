import { labelOf, lineLabelOf } from './labels';
import { formatPathShare as percent } from './share-definitions';
import type { Culprit, Finding, Verdict } from './types';

function describePattern(pattern: NonNullable<Verdict['pattern']>): string {
  if (pattern.kind === 'n_plus_one') return `${pattern.count} sequential calls`;
  return pattern.count === 1 ? '1 call' : `${pattern.count} calls`;
}

function describeShare(culprit: Culprit, total: number, relatedCount: number): string {
  const own = `${percent(culprit.share)} of critical path`;
  if (relatedCount === 0) return own;
  // Said in words so the total explains itself; describeVerdictShare names the groups.
  return `${own} (${percent(total)} with ${relatedCount} more ${relatedCount === 1 ? 'group' : 'groups'} the same rule explains)`;
}

/** `service · label · evidence · pattern · share · explanation`, the line a person reads. */
export function formatCulpritLine(verdict: Pick<Verdict, 'pattern' | 'share' | 'related' | 'finding'>, culprit: Culprit, explanation: string): string {
  const parts = [culprit.service, lineLabelOf(culprit)];
  // A loop's evidence is its pattern, which the line states next anyway.
  if (verdict.finding && verdict.finding.kind !== 'n_plus_one') parts.push(verdict.finding.evidence);
  if (verdict.pattern) parts.push(describePattern(verdict.pattern));
  parts.push(describeShare(culprit, verdict.share, verdict.related.length), explanation);
  return parts.join(' · ');
}

/** The line when nothing dominates: name the largest group so the reader knows where to look. */
export function formatNoCulpritLine(largest: { service: string; operation: string; statement: string | undefined; share: number } | undefined): string {
  if (!largest) return 'no single culprit';
  return `no single culprit · largest: ${largest.service} · ${labelOf(largest)} (${percent(largest.share)} of critical path)`;
}

/** `seen: blocked event loop on gateway · sign receipt and 2 more groups (41%): <evidence> → <advice>`. */
export function formatEvidenceWithoutCulprit(finding: Finding, where: Culprit, share: number, moreGroups: number): string {
  const more = moreGroups === 0 ? '' : ` and ${moreGroups} more ${moreGroups === 1 ? 'group' : 'groups'}`;
  return `seen: ${finding.title} on ${where.service} · ${lineLabelOf(where)}${more} (${percent(share)} of critical path): ${finding.evidence} → ${finding.advice}`;
}

/** Appends trace-level notes, e.g. injected errors. */
export function appendNotes(line: string, notes: string[]): string {
  return notes.length === 0 ? line : [line, ...notes].join(' · ');
}
