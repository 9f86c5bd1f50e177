import type { AttributeValue } from '@tracecart/otlp';
import { TraceAnalysisError } from './errors';
import type { RuleContext } from './rule-context';
import type { SwitchRule } from './types';

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

// Flags may arrive as booleans or as their string spelling.
function sameValue(actual: AttributeValue | undefined, expected: AttributeValue): boolean {
  if (actual === expected) return true;
  if (typeof expected === 'boolean' && typeof actual === 'string') return actual.toLowerCase() === String(expected);
  return false;
}

function subjectOf(ctx: RuleContext): string {
  const c = ctx.choice?.culprit;
  return c ? [c.service, c.operation, c.target, c.statement].filter(Boolean).join(' ') : '';
}

/** True when every condition of the rule holds; a culprit rule needs a culprit. */
export function matchesRule(rule: SwitchRule, ctx: RuleContext): boolean {
  const w = rule.when;
  const culprit = ctx.choice?.culprit;
  if (rule.scope === 'culprit' && !culprit) return false;
  if (w.statement !== undefined && (culprit?.statement === undefined || !compile(w.statement, rule.id).test(culprit.statement))) return false;
  if (w.subject !== undefined && (!culprit || !compile(w.subject, rule.id).test(subjectOf(ctx)))) return false;
  if (w.pattern !== undefined && ctx.choice?.pattern.kind !== w.pattern) return false;
  for (const [key, expected] of Object.entries(w.attributes ?? {})) {
    if (!sameValue(ctx.attribute(key), expected)) return false;
  }
  // An event only explains the culprit when the spans carrying it hold most of its time.
  if (w.culpritEvent !== undefined && ctx.culpritEventShare(w.culpritEvent) < 0.5) return false;
  if (w.traceEvent !== undefined && !ctx.hasTraceEvent(w.traceEvent)) return false;
  return true;
}
