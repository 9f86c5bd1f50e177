import type { WaterfallRow } from '../../src/api-types';
import { h } from './dom';

/** Fewer recent durations than this say little about what is usual, so no badge. */
export const MIN_BASELINE_COUNT = 20;
/** A span at or above this percentile of its own operation's recent durations is marked slow. */
export const SLOW_PERCENTILE = 95;

/** `p97 for SELECT products` when a span is slow for its own operation, else null. */
export function baselineBadge(row: WaterfallRow): HTMLElement | null {
  const mark = row.baseline;
  if (!mark || mark.count < MIN_BASELINE_COUNT || mark.percentile < SLOW_PERCENTILE) return null;
  // Floor, so a badge never claims more than the trace store measured.
  const p = Math.floor(mark.percentile);
  const title = `slower than ${p}% of the last ${mark.count} \`${row.name}\` spans (${mark.window})`;
  return h('span', { class: 'baseline-badge', title, text: `p${p} for ${row.name}` });
}
