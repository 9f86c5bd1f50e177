import { FIX_ATTRIBUTES, LAB_NAMESPACE } from '@tracecart/contracts';
import { buildTraceTree, summarizeTree } from '@tracecart/trace-analysis';
import type { TracesData } from '@tracecart/otlp';
import { fixAttributesOf } from './trace-rows';

/** Traces that ran under one full switch state (every `lab.fix.*` on the root span). */
export interface SwitchGroup {
  /** Every fix attribute by name, as a string; `unset` when the root did not carry it. */
  state: Record<string, string>;
  traces: Map<string, TracesData>;
}

/** Two groups that differ only in one switch: off before, on after. */
export interface SwitchPair {
  off: SwitchGroup;
  on: SwitchGroup;
  /** The other switches, the same on both sides. */
  held: Record<string, string>;
}

const UNSET = 'unset';

function stateOf(data: TracesData): Record<string, string> {
  const [tree] = buildTraceTree(data);
  const rootId = tree ? summarizeTree(tree).rootSpanId : undefined;
  const root = tree?.spans.find((span) => span.spanId === rootId);
  const fixes = root ? fixAttributesOf(root.attributes) : {};
  const known = new Set<string>(FIX_ATTRIBUTES);
  const names = [...FIX_ATTRIBUTES, ...Object.keys(fixes).filter((k) => !known.has(k)).sort()];
  return Object.fromEntries(names.map((name) => [name, name in fixes ? String(fixes[name]) : UNSET]));
}

/** Splits traces by their full switch state, largest group first. */
export function groupBySwitchState(traces: Map<string, TracesData>): SwitchGroup[] {
  const groups = new Map<string, SwitchGroup>();
  for (const [id, data] of traces) {
    const state = stateOf(data);
    const key = JSON.stringify(state);
    const group = groups.get(key) ?? { state, traces: new Map() };
    group.traces.set(id, data);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.traces.size - a.traces.size);
}

function heldBesides(state: Record<string, string>, name: string): string {
  return JSON.stringify(Object.entries(state).filter(([key]) => key !== name));
}

/**
 * The pair of groups that differ only in `name` (false before, true after) with the most traces
 * in all (then the most on the smaller side); undefined when no two groups differ in it alone.
 */
export function pickSwitchPair(groups: SwitchGroup[], name: string): SwitchPair | undefined {
  let best: SwitchPair | undefined;
  const score = (p: SwitchPair) => [p.off.traces.size + p.on.traces.size, Math.min(p.off.traces.size, p.on.traces.size)];
  for (const off of groups.filter((g) => g.state[name] === 'false')) {
    const on = groups.find((g) => g.state[name] === 'true' && heldBesides(g.state, name) === heldBesides(off.state, name));
    if (!on) continue;
    const held = Object.fromEntries(Object.entries(off.state).filter(([key]) => key !== name));
    const pair = { off, on, held };
    const [total, smaller] = score(pair);
    const [bestTotal, bestSmaller] = best ? score(best) : [-1, -1];
    if (total > bestTotal || (total === bestTotal && smaller > bestSmaller)) best = pair;
  }
  return best;
}

/** `fix.cache off, fix.batch on`: a state as a person reads it. */
export function describeState(state: Record<string, string>): string {
  const words = Object.entries(state).map(([key, value]) => `${key.startsWith(LAB_NAMESPACE) ? key.slice(LAB_NAMESPACE.length) : key} ${value === 'true' ? 'on' : value === 'false' ? 'off' : value}`);
  return words.length > 0 ? words.join(', ') : 'no other switches';
}
