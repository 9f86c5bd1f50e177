import { SpanKind } from '@tracecart/otlp';
import { normalizeStatementCached } from '@tracecart/trace-analysis';
import type { BaselineMark, WaterfallRow } from '../api-types';
import { describeLookback } from '../traces/describe-lookback';
import { BaselinesUnavailable, fetchPercentile, type BaselineKey, type PercentileAnswer } from './baseline-lookup';

/** How many lookups run at once, and at most per trace: a 2,000-span trace must not fire 2,000 requests. */
const CONCURRENCY = 4;
const MAX_LOOKUPS = 120;
const TIMEOUT_MS = 2_000;

/** Something that reports a failure worth a log line (a 404 is expected under real Jaeger, so not reported). */
export type MarkProblem = (error: unknown) => void;

// Same keys as the trace store: the current semantic-conventions name first, then the older one.
function statementOf(row: WaterfallRow): string | undefined {
  const text = row.attributes['db.query.text'] ?? row.attributes['db.statement'];
  return typeof text === 'string' && text.length > 0 ? normalizeStatementCached(text) : undefined;
}

function keyOf(row: WaterfallRow): BaselineKey | undefined {
  const statement = statementOf(row);
  if (statement !== undefined) return { service: row.service, operation: row.name, statement };
  return row.kind === SpanKind.SERVER ? { service: row.service, operation: row.name } : undefined;
}

const lookupId = (key: BaselineKey, durationMs: number) => JSON.stringify([key.service, key.operation, key.statement ?? null, durationMs]);

/** One lookup per distinct key and duration, slowest first, so a capped trace keeps the likely outliers. */
function plannedLookups(rows: WaterfallRow[]): Map<string, { key: BaselineKey; durationMs: number }> {
  const planned = new Map<string, { key: BaselineKey; durationMs: number }>();
  const bySlowest = rows.map((row) => ({ row, key: keyOf(row) })).sort((a, b) => b.row.durationMs - a.row.durationMs);
  for (const { row, key } of bySlowest) {
    if (!key || planned.size >= MAX_LOOKUPS) continue;
    planned.set(lookupId(key, row.durationMs), { key, durationMs: row.durationMs });
  }
  return planned;
}

async function runLookups(queryUrl: string, planned: Map<string, { key: BaselineKey; durationMs: number }>, onProblem: MarkProblem) {
  const answers = new Map<string, PercentileAnswer>();
  const queue = [...planned];
  let unavailable = false;
  const worker = async () => {
    for (let next = queue.shift(); next && !unavailable; next = queue.shift()) {
      const [id, { key, durationMs }] = next;
      try {
        answers.set(id, await fetchPercentile(queryUrl, key, durationMs, TIMEOUT_MS));
      } catch (error) {
        // Without the route (real Jaeger) no lookup can succeed: the rest are not asked.
        if (error instanceof BaselinesUnavailable) unavailable = true;
        else onProblem(error);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answers;
}

/**
 * The rows with each DB and server span's percentile against its own operation's recent
 * durations; a row whose lookup failed, or any row when the trace store has no baselines, gets null.
 */
export async function markBaselines(queryUrl: string, rows: WaterfallRow[], onProblem: MarkProblem): Promise<WaterfallRow[]> {
  const planned = plannedLookups(rows);
  const answers = await runLookups(queryUrl, planned, onProblem);
  return rows.map((row) => {
    const key = keyOf(row);
    const answer = key && answers.get(lookupId(key, row.durationMs));
    const mark: BaselineMark | null =
      answer && answer.percentile !== null
        ? { percentile: answer.percentile, count: answer.count, window: describeLookback(answer.windowMs), windowMs: answer.windowMs }
        : null;
    return { ...row, baseline: mark };
  });
}
