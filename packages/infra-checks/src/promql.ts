import { tokenizePromql, type LabelMatcher, type PromqlToken } from './promql-tokens';

/** What a PromQL expression refers to: metric names, label matchers and grouping labels. */
export interface PromqlReferences {
  metrics: string[];
  matchers: LabelMatcher[];
  groupingLabels: string[];
}

const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan', 'atan2']);
const AGGREGATIONS = new Set([
  'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values',
  'bottomk', 'topk', 'quantile', 'limitk', 'limit_ratio',
]);

/** Reads the label list of by(...), on(...) and friends; returns the index after its ")". */
function readLabelList(tokens: PromqlToken[], open: number, into: string[]): number {
  let i = open + 1;
  for (; i < tokens.length && tokens[i].kind !== 'close'; i++) {
    const token = tokens[i];
    if (token.kind === 'ident') into.push(token.text);
  }
  return i + 1;
}

function isMetricName(tokens: PromqlToken[], i: number, name: string): boolean {
  const next = tokens[i + 1];
  const lower = name.toLowerCase();
  if (KEYWORDS.has(lower) || next?.kind === 'open') return false;
  // `sum by (x) (...)`: an aggregation followed by its grouping clause.
  return !(AGGREGATIONS.has(lower) && next?.kind === 'ident' && GROUPING.has(next.text.toLowerCase()));
}

/** Scans an expression for the metrics it selects, its label matchers and its grouping labels. */
export function scanPromql(expr: string): PromqlReferences {
  const tokens = tokenizePromql(expr);
  const refs: PromqlReferences = { metrics: [], matchers: [], groupingLabels: [] };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'matchers') {
      refs.matchers.push(...token.matchers);
      // {__name__="x"} names a metric without the usual prefix.
      for (const m of token.matchers) if (m.name === '__name__' && m.op === '=') refs.metrics.push(m.value);
      continue;
    }
    if (token.kind !== 'ident') continue;
    if (GROUPING.has(token.text.toLowerCase())) {
      if (tokens[i + 1]?.kind === 'open') i = readLabelList(tokens, i + 1, refs.groupingLabels) - 1;
      continue;
    }
    if (isMetricName(tokens, i, token.text)) refs.metrics.push(token.text);
  }
  return { metrics: [...new Set(refs.metrics)], matchers: refs.matchers, groupingLabels: [...new Set(refs.groupingLabels)] };
}

/** Metric names a PromQL expression selects (functions, keywords, labels, strings and durations left out). */
export function extractMetricNames(expr: string): string[] {
  return scanPromql(expr).metrics;
}
