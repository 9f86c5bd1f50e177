/** Parses `500ms`, `30s`, `2m`, `1h` or `2d` into milliseconds; throws RangeError otherwise. */
export { parseDuration } from './duration';
/** Milliseconds, shares and rates for people: 850 ms, 1.25 s, 91%, 41.5/s. */
export { formatMs, formatPerSecond, formatShare } from './format';
/** The options of formatMs: the gap before the unit and the sign for no value. */
export type { MsFormat } from './format';
