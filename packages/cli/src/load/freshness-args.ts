import { MESSAGING } from '@tracecart/contracts';
import { LoadArgsError, parseFreshnessObjective, requireLoopbackTarget, type LatencyObjective } from '@tracecart/loadgen';
import { parseDuration } from '@tracecart/units';

/** Where fulfilment serves its /metrics in the lab. */
export const DEFAULT_FULFILMENT_URL = 'http://127.0.0.1:8083';
/** How long `lab load` waits after the run for order.placed to drain by default. */
export const DEFAULT_FRESHNESS_GRACE_MS = 30_000;
// A drain wait is a bound on an idle poll, not a load; longer than this is more likely a typo.
const MAX_FRESHNESS_GRACE_MS = 600_000;

/** The freshness part of a `lab load` command line. */
export interface FreshnessArgs {
  objective: LatencyObjective;
  /** Origin of fulfilment's /metrics, loopback only. */
  fulfilmentUrl: string;
  graceMs: number;
}

const FLAGS = ['--freshness', '--fulfilment-url', '--freshness-grace'] as const;
type FreshnessFlag = (typeof FLAGS)[number];

/**
 * Takes the freshness flags out of a `lab load` command line and parses them; the rest goes to
 * loadgen's parser, which knows nothing of fulfilment. Throws LoadArgsError naming the flag.
 */
export function splitFreshnessArgs(argv: string[]): { freshness: FreshnessArgs; rest: string[] } {
  const values = new Map<FreshnessFlag, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = splitInline(argv[i]);
    const flag = FLAGS.find((f) => f === name);
    if (!flag) {
      rest.push(argv[i]);
      continue;
    }
    if (values.has(flag)) throw new LoadArgsError(flag, 'given more than once');
    const value = inline ?? argv[++i];
    if (value === undefined) throw new LoadArgsError(flag, 'needs a value');
    values.set(flag, value);
  }
  return { freshness: parseFreshnessFlags(values), rest };
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function parseFreshnessFlags(values: Map<FreshnessFlag, string>): FreshnessArgs {
  return {
    objective: withFlag('--freshness', () => {
      const text = values.get('--freshness');
      return text === undefined ? { ...MESSAGING.DEFAULT_FRESHNESS_SLO } : parseFreshnessObjective(text);
    }),
    fulfilmentUrl: withFlag('--fulfilment-url', () => requireLoopbackTarget(values.get('--fulfilment-url') ?? DEFAULT_FULFILMENT_URL)),
    graceMs: withFlag('--freshness-grace', () => parseGrace(values.get('--freshness-grace'))),
  };
}

function parseGrace(text: string | undefined): number {
  if (text === undefined) return DEFAULT_FRESHNESS_GRACE_MS;
  const ms = parseDuration(text);
  if (ms > MAX_FRESHNESS_GRACE_MS) throw new RangeError(`must be at most 10m, not "${text}"`);
  return ms;
}

function withFlag<T>(flag: FreshnessFlag, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new LoadArgsError(flag, (error as Error).message);
  }
}
