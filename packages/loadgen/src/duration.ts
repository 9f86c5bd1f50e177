import { formatMs as formatMsSpaced } from '@tracecart/units';

/** Milliseconds in the dense style of the report and progress lines: 0.42ms, 12.3ms, 1.25s. */
export function formatMs(ms: number): string {
  return formatMsSpaced(ms, { unitGap: '' });
}
