/** A metric a TypeScript source declares with prom-client. */
export interface MetricDefinition {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary';
  labels: string[];
  /** A histogram's bucket bounds, when its source names them (a literal array or a known *BUCKETS constant). */
  buckets?: number[];
}

const CONSTRUCTOR = /new\s+(?:\w+\.)?(Counter|Gauge|Histogram|Summary)\s*\(/g;
// The app metrics kit's counter factory: metrics.counter('name', 'help', ['label', ...]).
const COUNTER_CALL = /\.counter\(\s*['"]([^'"]+)['"]\s*,\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*,\s*\[([^\]]*)\]/g;

function readStringList(text: string): string[] {
  return [...text.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

// `labelNames: ['state', POOL_LABEL]`: literals, and constants `constants` knows (others are skipped).
function readLabelList(text: string, constants: ReadonlyMap<string, string>): string[] {
  return [...text.matchAll(/['"]([^'"]+)['"]|(?:\w+\.)?\b([A-Z][A-Z0-9_]*)\b/g)].flatMap((m) => {
    const label = m[1] ?? constants.get(m[2]);
    return label === undefined ? [] : [label];
  });
}

/** The text of the call arguments that start right after `open` (an opening parenthesis). */
function readArguments(source: string, open: number): string {
  let depth = 1;
  let i = open;
  for (; i < source.length && depth > 0; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')') depth--;
  }
  return source.slice(open, i - 1);
}

/** `export const NAME = 'value'` string constants of a source, e.g. the contracts' metric names. */
export function findStringConstants(source: string): Map<string, string> {
  return new Map([...source.matchAll(/export\s+const\s+(\w+)\s*=\s*['"]([^'"]+)['"]/g)].map((m) => [m[1], m[2]]));
}

// The name of a definition: a literal, or a constant (`MESSAGING.METRIC_X`, `METRIC_X`) that
// `constants` knows; undefined for a factory that passes the name through (`{ name, ... }`).
function definedName(args: string, constants: ReadonlyMap<string, string>): string | undefined {
  const literal = /\bname:\s*['"]([^'"]+)['"]/.exec(args);
  if (literal) return literal[1];
  const constant = /\bname:\s*(?:\w+\.)?([A-Z][A-Z0-9_]*)\b/.exec(args);
  return constant ? constants.get(constant[1]) : undefined;
}

function readNumberList(text: string): number[] {
  return text.split(',').map((n) => Number(n.trim())).filter((n) => Number.isFinite(n));
}

// A histogram's `buckets:` option: a literal array, or a *BUCKETS constant of this source or of `known`.
function definedBuckets(args: string, known: ReadonlyMap<string, number[]>): number[] | undefined {
  const match = /\bbuckets:\s*(?:\[([^\]]*)\]|(?:\w+\.)?(\w*BUCKETS)\b)/.exec(args);
  if (!match) return undefined;
  return match[1] !== undefined ? readNumberList(match[1]) : known.get(match[2]);
}

/**
 * Metric definitions a TypeScript source declares: `new Histogram|Gauge|Counter|Summary({ name: '...',
 * labelNames: [...] })` with a literal name or a known constant (labels too), and `.counter('name', help, [labels])` calls.
 * A histogram's buckets are resolved from this source's *BUCKETS constants and `bucketConstants`.
 */
export function findMetricDefinitions(
  source: string,
  constants: ReadonlyMap<string, string> = new Map(),
  bucketConstants: ReadonlyMap<string, number[]> = new Map(),
): MetricDefinition[] {
  const found: MetricDefinition[] = [];
  const knownBuckets = new Map([...bucketConstants, ...findBucketConstants(source)]);
  for (const match of source.matchAll(CONSTRUCTOR)) {
    const args = readArguments(source, (match.index ?? 0) + match[0].length);
    const name = definedName(args, constants);
    if (!name) continue;
    const labels = /\blabelNames:\s*\[([^\]]*)\]/.exec(args);
    const type = match[1].toLowerCase() as MetricDefinition['type'];
    const buckets = type === 'histogram' ? definedBuckets(args, knownBuckets) : undefined;
    found.push({ name, type, labels: labels ? readLabelList(labels[1], constants) : [], ...(buckets ? { buckets } : {}) });
  }
  for (const match of source.matchAll(COUNTER_CALL)) {
    found.push({ name: match[1], type: 'counter', labels: readStringList(match[2]) });
  }
  return found;
}

/** Numbers of an array constant whose name ends in BUCKETS, e.g. `const DURATION_BUCKETS = [0.005, 0.01]`. */
export function findBucketBounds(source: string): number[] {
  const match = /\w*BUCKETS\s*=\s*\[([^\]]*)\]/.exec(source);
  return match ? readNumberList(match[1]) : [];
}

/** Every array constant of a source whose name ends in BUCKETS, by name. */
export function findBucketConstants(source: string): Map<string, number[]> {
  return new Map([...source.matchAll(/(\w*BUCKETS)\s*=\s*\[([^\]]*)\]/g)].map((m) => [m[1], readNumberList(m[2])]));
}

/** Keys of `setDefaultLabels({ ... })`: labels every series of that registry carries. */
export function findDefaultLabels(source: string): string[] {
  const match = /setDefaultLabels\(\s*\{([^}]*)\}/.exec(source);
  return match ? match[1].split(',').map((part) => part.split(':')[0].trim()).filter((key) => key !== '') : [];
}

/** Exemplar label keys: object keys whose value is a trace id, e.g. `{ trace_id: traceId }`. */
export function findExemplarLabels(source: string): string[] {
  return [...source.matchAll(/\{\s*(\w+)\s*:\s*traceId\s*\}/g)].map((m) => m[1]);
}

/** Series names Prometheus stores for a metric: _bucket, _sum and _count for histograms. */
export function seriesNames(definition: MetricDefinition): string[] {
  if (definition.type === 'histogram') return ['_bucket', '_sum', '_count'].map((suffix) => definition.name + suffix);
  if (definition.type === 'summary') return [definition.name, `${definition.name}_sum`, `${definition.name}_count`];
  return [definition.name];
}
