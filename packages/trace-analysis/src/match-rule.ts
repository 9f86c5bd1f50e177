import { TraceAnalysisError } from './errors';
import type { RuleContext } from './rule-context';
import type { Finding, SwitchRule } from './types';

const patterns = new Map<string, RegExp>();

function compile(source: string, ruleId: string): RegExp {
  let regex = patterns.get(source);
  if (!regex) {
    try {
      regex = new RegExp(source, 'i');
    } catch (error) {
      throw new TraceAnalysisError('invalid_input', `rule ${ruleId}: bad regex ${JSON.stringify(source)} (${(error as Error).message})`);
    }
    patterns.set(source, regex);
  }
  return regex;
}

function subjectOf(ctx: RuleContext): string {
  const c = ctx.choice?.culprit;
  return c ? [c.service, c.operation, c.target, c.statement].filter(Boolean).join(' ') : '';
}

function detailsMatch(finding: Finding, wanted: Record<string, string>, ruleId: string): boolean {
  return Object.entries(wanted).every(([key, source]) => {
    const value = finding.details[key];
    return value !== undefined && compile(source, ruleId).test(String(value));
  });
}

/** The outcome of matching one rule: whether it holds, and the finding it named, if it asked for one. */
export interface RuleMatch {
  finding: Finding | undefined;
}

/** The match when every condition of the rule holds, else undefined; a culprit rule needs a culprit. */
export function matchRule(rule: SwitchRule, ctx: RuleContext): RuleMatch | undefined {
  const w = rule.when;
  const culprit = ctx.choice?.culprit;
  if (rule.scope === 'culprit' && !culprit) return undefined;
  if (w.statement !== undefined && (culprit?.statement === undefined || !compile(w.statement, rule.id).test(culprit.statement))) return undefined;
  if (w.subject !== undefined && (!culprit || !compile(w.subject, rule.id).test(subjectOf(ctx)))) return undefined;
  if (w.pattern !== undefined && ctx.choice?.pattern.kind !== w.pattern) return undefined;
  // An event only explains the culprit when the spans carrying it hold most of its time.
  if (w.culpritEvent !== undefined && ctx.culpritEventShare(w.culpritEvent) < 0.5) return undefined;
  if (w.traceEvent !== undefined && !ctx.hasTraceEvent(w.traceEvent)) return undefined;
  if (w.finding === undefined) return { finding: undefined };
  const finding = ctx.findings.find((f) => f.kind === w.finding && detailsMatch(f, w.details ?? {}, rule.id));
  return finding ? { finding } : undefined;
}

/** True when every condition of the rule holds. */
export function matchesRule(rule: SwitchRule, ctx: RuleContext): boolean {
  return matchRule(rule, ctx) !== undefined;
}
