import { parse } from 'yaml';

/** One recording or alerting rule. */
export interface PrometheusRule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A rule group: rules evaluated in order at one interval. */
export interface RuleGroup {
  name: string;
  interval?: string;
  rules: PrometheusRule[];
}

const RULE_KEYS = new Set(['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);
const DURATION = /^(\d+(ms|[smhdwy]))+$/;
// The level:metric:operations naming convention of recording rules.
const RECORD_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z0-9_]+:[a-zA-Z0-9_:]+$/;
const ALERT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses a rules file into its groups; throws when it has no `groups` list. */
export function parseRuleGroups(text: string): RuleGroup[] {
  const doc = parse(text) as { groups?: unknown };
  if (!doc || !Array.isArray(doc.groups)) throw new Error('a rules file needs a top-level groups list');
  return doc.groups as RuleGroup[];
}

function checkRule(rule: PrometheusRule, where: string): string[] {
  const problems = Object.keys(rule).filter((key) => !RULE_KEYS.has(key)).map((key) => `${where}: unknown key ${key}`);
  if ((rule.record === undefined) === (rule.alert === undefined)) problems.push(`${where}: needs exactly one of record and alert`);
  if (typeof rule.expr !== 'string' || rule.expr.trim() === '') problems.push(`${where}: expr is empty`);
  if (rule.record !== undefined && !RECORD_NAME.test(rule.record)) problems.push(`${where}: "${rule.record}" is not level:metric:operations`);
  if (rule.alert !== undefined) {
    if (!ALERT_NAME.test(rule.alert)) problems.push(`${where}: "${rule.alert}" is not a valid alert name`);
    if (!rule.labels?.severity) problems.push(`${where}: an alert needs a severity label`);
    if (!rule.annotations?.summary) problems.push(`${where}: an alert needs a summary annotation`);
  }
  if (rule.for !== undefined && !DURATION.test(rule.for)) problems.push(`${where}: for "${rule.for}" is not a duration`);
  return problems;
}

/** Structural problems with rule groups (names, keys, durations, alert labels); empty when sound. */
export function checkRuleGroups(groups: RuleGroup[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const group of groups) {
    if (!group.name) problems.push('a group has no name');
    else if (names.has(group.name)) problems.push(`group ${group.name} is defined twice`);
    names.add(group.name);
    if (group.interval !== undefined && !DURATION.test(group.interval)) problems.push(`group ${group.name}: interval "${group.interval}" is not a duration`);
    if (!Array.isArray(group.rules) || group.rules.length === 0) problems.push(`group ${group.name} has no rules`);
    (group.rules ?? []).forEach((rule, i) => problems.push(...checkRule(rule, `${group.name}[${i}] ${rule.record ?? rule.alert ?? ''}`.trim())));
  }
  return problems;
}

/** Names of the series the recording rules define. */
export function recordedSeries(groups: RuleGroup[]): string[] {
  return groups.flatMap((g) => g.rules).flatMap((r) => (r.record === undefined ? [] : [r.record]));
}

/** Every rule of every group, in order. */
export function listRules(groups: RuleGroup[]): PrometheusRule[] {
  return groups.flatMap((g) => g.rules ?? []);
}
