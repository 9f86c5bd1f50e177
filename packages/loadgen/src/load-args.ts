import { parseArgs } from 'node:util';
import { parseDuration } from '@tracecart/units';
import { DEFAULT_CATALOG_SIZE, isCheckoutMix, maxItemsOf } from './checkout-factory';
import { createDefaultSlo, parseSlo } from './slo';
import { requireLoopbackTarget } from './target';
import type { CheckoutMix, SloSpec } from './types';

/** Highest arrival rate the CLI accepts; far above what one process can send. */
export const MAX_RATE = 100_000;
/** Longest run the CLI accepts: loads in the lab are bounded. */
export const MAX_DURATION_MS = 3_600_000;
/** Where loads go unless --target says otherwise: the gateway. */
export const DEFAULT_TARGET = 'http://127.0.0.1:8080';

/** A bad command line; `flag` names the offending flag. */
export class LoadArgsError extends Error {
  constructor(
    readonly flag: string,
    message: string,
  ) {
    super(`${flag}: ${message}`);
    this.name = 'LoadArgsError';
  }
}

/** The parsed `load` command line. */
export interface LoadArgs {
  rate: number;
  durationMs: number;
  mix: CheckoutMix;
  items: number;
  catalogSize: number;
  slo: SloSpec;
  /** Whether to write the JSON report: `--json` alone or with a file name. */
  writeJson: boolean;
  /** The file `--json` named; absent when `--json` came alone, so the caller picks a default. */
  jsonPath?: string;
  target: string;
  /** Non-loopback host names the operator allowed as targets (none by default). */
  allowedHosts: readonly string[];
}

/** One-paragraph usage text for `load --help` and error messages. */
export const LOAD_USAGE = [
  'usage: load --rate <req/s> --duration <30s|500ms|2m> [--mix popular|longtail|mixed|flash] [--items N]',
  '            [--slo p99<300ms[,success>=99.9%]] [--json [out.json]] [--target http://127.0.0.1:8080]',
  '            [--catalog-size N]',
].join('\n');

const OPTIONS = {
  rate: { type: 'string' },
  duration: { type: 'string' },
  mix: { type: 'string' },
  items: { type: 'string' },
  slo: { type: 'string' },
  json: { type: 'string' },
  target: { type: 'string' },
  'catalog-size': { type: 'string' },
} as const;

/** Parses the `load` command's flags (`--flag value` or `--flag=value`); throws LoadArgsError. */
export function parseLoadArgs(argv: string[], options: { allowedHosts?: readonly string[] } = {}): LoadArgs {
  const raw = readFlags(withBareJson(argv));
  if (raw.rate === undefined) throw new LoadArgsError('--rate', 'is required, e.g. --rate 50');
  if (raw.duration === undefined) throw new LoadArgsError('--duration', 'is required, e.g. --duration 30s');
  const catalogSize = parseCatalogSize(raw['catalog-size']);
  const mix = parseMix(raw.mix);
  return {
    rate: parseRate(raw.rate),
    durationMs: parseDurationFlag(raw.duration),
    mix,
    items: parseItems(raw.items, mix, catalogSize),
    catalogSize,
    slo: parseSloFlag(raw.slo),
    writeJson: raw.json !== undefined,
    jsonPath: raw.json?.trim() ? raw.json : undefined,
    target: parseTarget(raw.target, options.allowedHosts ?? []),
    allowedHosts: options.allowedHosts ?? [],
  };
}

function readFlags(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    throw fromParseError(error as Error & { code?: string });
  }
  // parseArgs keeps the last of a repeated flag; a repeat is more likely a mistake here.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new LoadArgsError(token.rawName, 'given more than once');
    seen.add(token.name);
  }
  return parsed.values;
}

// parseArgs names the offending argument only inside its message, in quotes.
function fromParseError(error: Error & { code?: string }): LoadArgsError {
  const arg = /'([^'\s]+)/.exec(error.message)?.[1] ?? 'arguments';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new LoadArgsError(arg, `unknown flag\n${LOAD_USAGE}`);
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new LoadArgsError(arg, `is not a flag\n${LOAD_USAGE}`);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new LoadArgsError(arg, `needs a value (write one that starts with "-" as ${arg}=-…)`);
  }
  return new LoadArgsError(arg, error.message);
}

function parseRate(text: string): number {
  const rate = Number(text);
  if (text.trim() === '' || !Number.isFinite(rate) || rate <= 0 || rate > MAX_RATE) {
    throw new LoadArgsError('--rate', `must be a number of requests per second above 0 and at most ${MAX_RATE}, not "${text}"`);
  }
  return rate;
}

function parseDurationFlag(text: string): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (error) {
    throw new LoadArgsError('--duration', (error as Error).message);
  }
  if (ms > MAX_DURATION_MS) throw new LoadArgsError('--duration', `must be at most 1h, not "${text}"`);
  return ms;
}

function parseMix(text: string | undefined): CheckoutMix {
  if (text === undefined) return 'popular';
  if (!isCheckoutMix(text)) throw new LoadArgsError('--mix', `must be popular, longtail, mixed or flash, not "${text}"`);
  return text;
}

function parseItems(text: string | undefined, mix: CheckoutMix, catalogSize: number): number {
  if (text === undefined) return 1;
  const max = maxItemsOf(mix, catalogSize);
  const items = Number(text);
  if (!/^\d+$/.test(text) || items < 1 || items > max) {
    throw new LoadArgsError('--items', `must be a whole number of distinct SKUs from 1 to ${max}, not "${text}"`);
  }
  return items;
}

function parseCatalogSize(text: string | undefined): number {
  if (text === undefined) return DEFAULT_CATALOG_SIZE;
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > 9_999_999) {
    throw new LoadArgsError('--catalog-size', `must be a whole number from 1 to 9999999, not "${text}"`);
  }
  return size;
}

function parseSloFlag(text: string | undefined): SloSpec {
  if (text === undefined) return createDefaultSlo();
  try {
    return parseSlo(text);
  } catch (error) {
    throw new LoadArgsError('--slo', (error as Error).message);
  }
}

// parseArgs has no optional values: `--json` last or before another flag is read as `--json=`,
// which asks for the report under the caller's default name.
function withBareJson(argv: string[]): string[] {
  return argv.map((arg, i) => (arg === '--json' && (i === argv.length - 1 || argv[i + 1].startsWith('--')) ? '--json=' : arg));
}

function parseTarget(text: string | undefined, allowedHosts: readonly string[]): string {
  try {
    return requireLoopbackTarget(text ?? DEFAULT_TARGET, allowedHosts);
  } catch (error) {
    throw new LoadArgsError('--target', (error as Error).message);
  }
}
