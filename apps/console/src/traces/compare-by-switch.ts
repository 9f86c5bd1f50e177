import { z } from 'zod';
import { FIX_ATTRIBUTES, LAB_NAMESPACE } from '@tracecart/contracts';
import { splitTracesById, type JaegerClient } from '@tracecart/jaeger-client';
import { compare } from '@tracecart/trace-analysis';
import type { SwitchCompareResult } from '../api-types';
import { toTraceQuery, traceFilterSchema } from './trace-filter';
import { findEmptySides } from './empty-sides';
import { describeState, groupBySwitchState, pickSwitchPair, type SwitchGroup } from './switch-groups';

/** POST /api/compare/switch's body: the switch to split on, and the search that finds the traces. */
export const switchCompareSchema = traceFilterSchema.extend({ switch: z.enum(FIX_ATTRIBUTES) });

/** A parsed switch comparison request. */
export type SwitchCompareRequest = z.output<typeof switchCompareSchema>;

function info(group: SwitchGroup, label: string) {
  return { label: `${label} (${describeState(group.state)})`, traceIds: [...group.traces.keys()] };
}

/**
 * Finds the traces, groups them by full switch state and compares the two groups that differ
 * only in the chosen switch (the pair with the most traces), so no other switch muddles the gain.
 */
export async function compareBySwitch(jaeger: JaegerClient, request: SwitchCompareRequest): Promise<SwitchCompareResult> {
  const traces = splitTracesById(await jaeger.findTraces(toTraceQuery(request)));
  const groups = groupBySwitchState(traces);
  const states = groups.map((g) => ({ state: g.state, traceCount: g.traces.size }));
  const name = request.switch.slice(LAB_NAMESPACE.length);
  const pair = pickSwitchPair(groups, request.switch);
  const empty = findEmptySides(groups, request.switch, name, request);
  if (empty) return { switch: request.switch, states, pair: null, message: empty.message, empty };
  if (!pair) {
    const found = states.map((s) => `${s.traceCount} with ${describeState(s.state)}`).join('; ') || 'no traces';
    const message = `No two groups of traces differ only in ${name}, so nothing is compared: found ${found}. Place checkouts with ${name} off and on while the other switches stay as they are.`;
    return { switch: request.switch, states, pair: null, message, empty: null };
  }
  const held = describeState(pair.held);
  const others = groups.length - 2;
  const message = `${pair.off.traces.size} traces with ${name} off against ${pair.on.traces.size} with it on, all with ${held}${others > 0 ? ` (the largest such pair; ${others} other switch state${others === 1 ? '' : 's'} left out)` : ''}.`;
  return {
    switch: request.switch,
    states,
    pair: {
      held: pair.held,
      before: info(pair.off, `${name} off`),
      after: info(pair.on, `${name} on`),
      comparison: compare([...pair.off.traces.values()], [...pair.on.traces.values()]),
    },
    message,
    empty: null,
  };
}
