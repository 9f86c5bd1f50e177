import { describeVerdictShare, diagnose, formatPathShare, type Diagnosis, type SwitchRule } from '../src';
import { buildCheckoutTrace, type CheckoutTraceOptions } from '@tracecart/testkit';

// A table of the caller's own: an index rule for keyed lookups, the way a lab would write one.
const RULES: SwitchRule[] = [{ id: 'keyed-scan', scope: 'culprit', when: { subject: 'WHERE\\s+\\w+\\s*=' }, diagnosis: 'keyed scan', suggestion: 'add an index', switchName: 'index' }];

function shareOfKey(d: Diagnosis, key: string): number | undefined {
  return d.contributors.find((c) => c.key === key)?.share;
}

// Realistic checkouts: a dominant lookup, two statements one rule explains, an N+1 of calls, a fixed one.
const CASES: Array<[string, CheckoutTraceOptions, SwitchRule[]]> = [
  ['a dominant lookup', { reserveMs: 1 }, []],
  ['two statements one rule explains', { reserveMs: 1 }, RULES],
  ['lookups as large as the reservations', {}, RULES],
  ['an N+1 of calls', {}, []],
  ['a cold first checkout', { lookupMs: 30, reserveMs: 10, coldMs: 40 }, RULES],
  ['an indexed checkout', { fix: { index: true } }, RULES],
];

describe('the verdict line, the contributors and the N+1 lines agree on one trace', () => {
  it.each(CASES)('%s', (_name, options, rules) => {
    const d = diagnose(buildCheckoutTrace({ items: 3, ...options }), { rules });
    const { verdict } = d;
    const culprit = verdict.culprit;
    if (!culprit) {
      // No culprit: the line names the largest group with the contributors table's top share.
      expect(verdict.share).toBe(d.contributors[0]?.share ?? 0);
      expect(verdict.line).toContain(`(${formatPathShare(verdict.share)} of critical path)`);
      return;
    }
    // The culprit's own share is the contributors row's (a group) or the N+1 line's (a run), exactly.
    const own = culprit.source === 'group' ? shareOfKey(d, culprit.key) : d.nPlusOne.find((f) => f.count === culprit.spanCount && f.service === culprit.service)?.share;
    expect(own).toBe(culprit.share);
    expect(verdict.line).toContain(`${formatPathShare(culprit.share)} of critical path`);
    // The bracketed total is the culprit plus the related groups, each exactly its contributors row.
    for (const related of verdict.related) expect(shareOfKey(d, related.key)).toBe(related.share);
    expect(verdict.share).toBeCloseTo(verdict.related.reduce((sum, r) => sum + r.share, culprit.share), 12);
    if (verdict.related.length > 0) expect(verdict.line).toContain(`(${formatPathShare(verdict.share)} with ${verdict.related.length} more`);
    // An N+1 pattern in the verdict is one of the N+1 lines: same parent, same count.
    if (verdict.pattern?.kind === 'n_plus_one') {
      const run = d.nPlusOne.find((f) => f.parentSpanId === verdict.pattern?.parentSpanId && f.count === verdict.pattern?.count);
      expect(run).toBeDefined();
    }
    const definition = describeVerdictShare(verdict);
    expect(definition).toContain(formatPathShare(culprit.share));
    for (const related of verdict.related) expect(definition).toContain(`${related.key} (${formatPathShare(related.share)})`);
  });

  it('defines the bracketed total in words, and rounds every share one way', () => {
    const d = diagnose(buildCheckoutTrace({ reserveMs: 1 }), { rules: RULES });
    expect(d.verdict.line).toContain('(94% with 1 more group the same rule explains)');
    expect(describeVerdictShare(d.verdict)).toMatch(/^91% is the culprit's share of critical path: .* 94% is the culprit's share plus the shares of the other groups the same rule explains/);
    expect([formatPathShare(0.594), formatPathShare(0.625), formatPathShare(0)]).toEqual(['59%', '63%', '0%']);
  });
});
