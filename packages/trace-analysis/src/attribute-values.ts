import type { AttributeValue } from '@tracecart/otlp';

/** The value as a string, if it is one (or a number). */
export function stringOf(value: AttributeValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The value as a number, if it is one (or a numeric string: some exporters stringify ints). */
export function numberOf(value: AttributeValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** The value as a list of strings: an array's string items, or one string. */
export function stringsOf(value: AttributeValue | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? [v] : []));
  return typeof value === 'string' ? [value] : [];
}

/** The value as a list of numbers. */
export function numbersOf(value: AttributeValue | undefined): number[] {
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'number' ? [v] : typeof v === 'string' && Number.isFinite(Number(v)) ? [Number(v)] : []));
  const one = numberOf(value);
  return one === undefined ? [] : [one];
}
