// Prometheus durations ("5m", "1h30m", "250ms") to milliseconds and back.
const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};
const DURATION = /^(?:\d+(?:ms|[smhdwy]))+$/;
const PART = /(\d+)(ms|[smhdwy])/g;

/** Milliseconds in a Prometheus duration; throws on anything else. */
export function parsePrometheusDuration(text: string): number {
  if (!DURATION.test(text)) throw new Error(`"${text}" is not a Prometheus duration`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_MS[unit];
  return total;
}

/** The shortest Prometheus duration for a whole number of milliseconds, e.g. 90000 → "1m30s". */
export function formatPrometheusDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`${ms} ms is not a whole, non-negative duration`);
  if (ms === 0) return '0s';
  let rest = ms;
  let text = '';
  // Days are the largest unit used, so a 30-day SLO window still reads "30d".
  for (const unit of ['d', 'h', 'm', 's', 'ms']) {
    const amount = Math.floor(rest / UNIT_MS[unit]);
    if (amount > 0) text += `${amount}${unit}`;
    rest -= amount * UNIT_MS[unit];
  }
  return text;
}
