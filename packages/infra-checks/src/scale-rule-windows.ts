import { skipString } from './promql-tokens';
import { formatPrometheusDuration, parsePrometheusDuration } from './prometheus-duration';
import type { PrometheusRule, RuleGroup } from './prometheus-rules';

const QUOTES = '"\'`';

function scaleDuration(text: string, factor: number): string {
  const ms = parsePrometheusDuration(text.trim());
  const scaled = Math.round(ms / factor);
  if (scaled === 0) throw new Error(`${text} divided by ${factor} is less than a millisecond`);
  return formatPrometheusDuration(scaled);
}

// "[5m]" → "[5s]", "[1h:1m]" → "[1m:1s]" (a subquery's range and resolution both scale).
function scaleSelector(inner: string, factor: number): string {
  return inner.split(':').map((part) => (part.trim() === '' ? part : scaleDuration(part, factor))).join(':');
}

/**
 * Divides every range selector and subquery window of a PromQL expression by `factor`, leaving
 * string literals (regexes may contain brackets) and everything else as written. `offset` and
 * `@` modifiers are not scaled; the rules use neither.
 */
export function scalePromqlWindows(expr: string, factor: number): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (QUOTES.includes(c)) {
      const end = skipString(expr, i);
      out += expr.slice(i, end);
      i = end;
    } else if (c === '[') {
      const end = expr.indexOf(']', i);
      if (end === -1) throw new Error(`unclosed "[" in: ${expr}`);
      out += `[${scaleSelector(expr.slice(i + 1, end), factor)}]`;
      i = end + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

function scaleRule(rule: PrometheusRule, factor: number): PrometheusRule {
  const scaled: PrometheusRule = { ...rule, expr: scalePromqlWindows(rule.expr, factor) };
  if (rule.for !== undefined) scaled.for = scaleDuration(rule.for, factor);
  return scaled;
}

/**
 * The same rule groups on a clock `factor` times faster: windows, `for:` and group intervals
 * divided by `factor`; names, labels, thresholds and annotations unchanged. A live test uses it so
 * a 5-minute window takes 5 seconds at factor 60.
 */
export function scaleRuleWindows(groups: RuleGroup[], factor: number): RuleGroup[] {
  if (!(factor >= 1)) throw new Error(`a scale factor must be at least 1, not ${factor}`);
  return groups.map((group) => ({
    ...group,
    ...(group.interval === undefined ? {} : { interval: scaleDuration(group.interval, factor) }),
    rules: group.rules.map((rule) => scaleRule(rule, factor)),
  }));
}
