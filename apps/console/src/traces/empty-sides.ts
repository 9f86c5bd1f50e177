import type { EmptySides } from '../api-types';
import { describeLookback } from './describe-lookback';
import type { SwitchGroup } from './switch-groups';

/** What a search was for, in the words of the hint. */
export interface SearchWords {
  service: string;
  operation?: string;
  lookback: number;
}

function whatWasSearched(search: SearchWords): string {
  const checkouts = search.service === 'gateway' && (search.operation === undefined || search.operation === 'POST /api/checkout');
  return checkouts ? 'checkouts' : `traces of ${search.service}${search.operation ? ` ${search.operation}` : ''}`;
}

/**
 * Which side of a switch comparison has no trace at all, and how to fill it, e.g. "no checkouts
 * with fix.index on in the last hour: turn it on and place a few"; null when both sides have some.
 */
export function findEmptySides(groups: SwitchGroup[], attribute: string, name: string, search: SearchWords): EmptySides | null {
  const has = (value: string) => groups.some((g) => g.state[attribute] === value && g.traces.size > 0);
  const sides = (['off', 'on'] as const).filter((side) => !has(side === 'on' ? 'true' : 'false'));
  if (sides.length === 0) return null;
  const what = whatWasSearched(search);
  const when = describeLookback(search.lookback);
  if (sides.length === 2) {
    return { sides, message: `No ${what} with ${name} off or on in ${when}: place a few with ${name} off, then turn it on and place a few more.` };
  }
  const [side] = sides;
  return { sides, message: `No ${what} with ${name} ${side} in ${when}: turn it ${side} and place a few.` };
}
