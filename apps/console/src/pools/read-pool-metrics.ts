import { POOL_METRICS } from '@tracecart/contracts';

const { POOL_LABEL, CONNECTION_WAIT_TIME, CONNECTION_USE_TIME, CONNECTION_COUNT, CONNECTION_PENDING_REQUESTS, CONNECTION_MAX } = POOL_METRICS;

/** One pool's series at one scrape: cumulative counts and sums (seconds), and the gauges. */
export interface PoolReading {
  waitCount: number;
  waitSum: number;
  useCount: number;
  useSum: number;
  used: number;
  waiting: number;
  max: number;
}

/** One scrape of a service's /metrics: when, and each pool's reading by name. */
export interface PoolSample {
  atMs: number;
  pools: Map<string, PoolReading>;
}

// Which reading field each series feeds; `used` comes from the count gauge's state="used" series.
const FIELDS: Record<string, keyof PoolReading> = {
  [`${CONNECTION_WAIT_TIME}_count`]: 'waitCount',
  [`${CONNECTION_WAIT_TIME}_sum`]: 'waitSum',
  [`${CONNECTION_USE_TIME}_count`]: 'useCount',
  [`${CONNECTION_USE_TIME}_sum`]: 'useSum',
  [CONNECTION_PENDING_REQUESTS]: 'waiting',
  [CONNECTION_MAX]: 'max',
};

// `name{labels} value`, optionally followed by a timestamp or an exemplar, which are ignored.
const SAMPLE_LINE = /^([a-zA-Z_:][\w:]*)\{([^}]*)\} (\S+)/;
const LABEL = /([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g;

function fieldOf(name: string, labels: Map<string, string>): keyof PoolReading | undefined {
  if (name === CONNECTION_COUNT) return labels.get('state') === 'used' ? 'used' : undefined;
  return FIELDS[name];
}

/** The pool readings in Prometheus or OpenMetrics text; pools are told apart by their pool label. */
export function parsePoolMetrics(text: string, atMs: number): PoolSample {
  const pools = new Map<string, PoolReading>();
  for (const line of text.split('\n')) {
    const match = SAMPLE_LINE.exec(line);
    if (!match) continue;
    const labels = new Map([...match[2].matchAll(LABEL)].map((m) => [m[1], m[2]] as const));
    const field = fieldOf(match[1], labels);
    const pool = labels.get(POOL_LABEL);
    if (!field || pool === undefined) continue;
    const reading = pools.get(pool) ?? { waitCount: 0, waitSum: 0, useCount: 0, useSum: 0, used: 0, waiting: 0, max: 0 };
    reading[field] = Number(match[3]);
    pools.set(pool, reading);
  }
  return { atMs, pools };
}

/** Scrapes a service's /metrics for its pool readings; throws with a reason a person can act on. */
export async function readPoolMetrics(serviceUrl: string, timeoutMs: number): Promise<PoolSample> {
  let response: Response;
  try {
    response = await fetch(`${serviceUrl}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new Error(`inventory at ${serviceUrl} did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`inventory at ${serviceUrl} answered ${response.status} on /metrics`);
  const sample = parsePoolMetrics(await response.text(), Date.now());
  if (sample.pools.size === 0) throw new Error(`inventory at ${serviceUrl} exposes no pool metrics (${CONNECTION_WAIT_TIME}): is it an older build?`);
  return sample;
}
