import { UsageError } from '../command';

const WORDS: Record<string, boolean> = { on: true, off: false, true: true, false: false };

/**
 * Reads a switch value as a person types it: on/off/true/false, JSON ({"ms":200,"rate":0.1}),
 * or key=value pairs (ms=200 rate=0.1). The console validates the result.
 */
export function parseFlagValue(words: string[]): unknown {
  if (words.length === 0) throw new UsageError('a value is needed, e.g. on, off, or ms=200 rate=0.1');
  const joined = words.join(' ').trim();
  if (joined.toLowerCase() in WORDS) return WORDS[joined.toLowerCase()];
  if (words.every((w) => /^[a-z]+=[^=]+$/i.test(w))) {
    return Object.fromEntries(words.map((w) => w.split('=')).map(([k, v]) => [k, Number.isNaN(Number(v)) ? v : Number(v)]));
  }
  try {
    return JSON.parse(joined);
  } catch {
    throw new UsageError(`cannot read "${joined}" as a value: use on/off, key=value pairs or JSON`);
  }
}
