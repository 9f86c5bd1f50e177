import { parseDuration } from '@tracecart/units';
import { UsageError } from '../command';
import { parseCommandLine } from '../commands/command-line';

/** The largest --last: diagnosing is quick, but fetching hundreds of traces is not. */
export const MAX_LAST = 200;
/** Where the trace query API is unless --jaeger or JAEGER_QUERY_URL says otherwise. */
export const DEFAULT_JAEGER_URL = 'http://127.0.0.1:16686';

/** One parsed `lab diagnose` command line. */
export type DiagnoseArgs = { jaegerUrl: string; json: boolean; lookbackMs: number } & ({ mode: 'one'; traceId: string } | { mode: 'last'; count: number; service: string });

/** The usage text printed with every usage error. */
export const DIAGNOSE_USAGE =
  'usage: lab diagnose <traceId> [--lookback 1h] | lab diagnose --last N [--service gateway] [--lookback 1h] [--jaeger URL] [--json]';

const HOUR_MS = 3_600_000;
const MAX_LOOKBACK_MS = 7 * 24 * HOUR_MS;

function usage(message: string): UsageError {
  return new UsageError(`${message}\n${DIAGNOSE_USAGE}`);
}

function parseLookback(text: string): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch {
    ms = Number.NaN;
  }
  if (!(ms <= MAX_LOOKBACK_MS)) throw usage(`--lookback: "${text}" is not a duration up to 7d, like 15m, 1h or 2d`);
  return ms;
}

function parseJaegerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usage(`--jaeger: "${text}" is not a URL, e.g. http://127.0.0.1:16686`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usage(`--jaeger: "${text}" must be an http(s) URL`);
  return text.replace(/\/+$/, '');
}

function parseCount(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_LAST) throw usage(`--last: must be a whole number from 1 to ${MAX_LAST}, not "${text}"`);
  return Number(text);
}

function readFlags(argv: string[]) {
  const options = { last: { type: 'string' }, service: { type: 'string' }, lookback: { type: 'string' }, jaeger: { type: 'string' }, json: { type: 'boolean' } } as const;
  return parseCommandLine({ args: argv, allowPositionals: true, options }, DIAGNOSE_USAGE);
}

/** Parses `lab diagnose` arguments; anything wrong is a UsageError naming the flag. */
export function parseDiagnoseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): DiagnoseArgs {
  const { values, positionals } = readFlags(argv);
  const common = {
    jaegerUrl: parseJaegerUrl(values.jaeger ?? env.JAEGER_QUERY_URL ?? DEFAULT_JAEGER_URL),
    json: values.json === true,
    // With --last: how far back to look for traces; with a trace id: the window baselines are computed over on a Jaeger without the lab's.
    lookbackMs: values.lookback === undefined ? HOUR_MS : parseLookback(values.lookback),
  };
  if (positionals.length > 1) throw usage(`one trace id at a time, not ${positionals.length}`);
  if (positionals.length === 1) {
    if (values.last !== undefined) throw usage('give a trace id or --last N, not both');
    if (values.service !== undefined) throw usage('--service goes with --last');
    if (!/^[0-9a-fA-F]{1,32}$/.test(positionals[0])) throw usage(`"${positionals[0]}" is not a trace id (1 to 32 hex digits)`);
    return { ...common, mode: 'one', traceId: positionals[0].toLowerCase().padStart(32, '0') };
  }
  if (values.last === undefined) throw usage('which trace? give a trace id or --last N');
  if (values.service !== undefined && values.service.trim() === '') throw usage('--service: needs a service name');
  return {
    ...common,
    mode: 'last',
    count: parseCount(values.last),
    service: values.service ?? 'gateway',
  };
}
