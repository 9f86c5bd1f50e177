// What every problem test starts from: a test database, the trace store (read back over
// Jaeger's /api/v3, as `lab diagnose` reads it), the three services exporting to it, and a small
// pool of the test's own for switches and checks.
import { Pool } from 'pg';
import { writeFlag } from '@tracecart/flags';
import { createJaegerClient, type JaegerClient } from '@tracecart/jaeger-client';
import type { TracesData } from '@tracecart/otlp';
import type { Finding, Verdict } from '@tracecart/trace-analysis';
import { startTracestore, type TracestoreHandle } from '@tracecart/tracestore';
import { createLogger } from '@tracecart/tracing';
import { createTestDatabase, isTraceComplete, receivedSpansOf, startStack, waitUntil, type ReceivedSpan, type Stack, type TestDatabase } from '@tracecart/testkit';

/** A running lab for one problem test. */
export interface ProblemLab {
  db: TestDatabase;
  pool: Pool;
  jaeger: JaegerClient;
  stack: Stack;
  /** Writes a switch and announces it, as the console does. */
  setFlag(name: string, value: unknown): Promise<void>;
  /** The trace once it is whole by `isComplete` (default: every process exported its part). */
  fetchTrace(traceId: string, isComplete?: (spans: ReceivedSpan[]) => boolean): Promise<TracesData>;
  stop(): Promise<void>;
}

/** Options: the catalog's size, the services' extra environment, and work on the database before they start. */
export interface ProblemLabOptions {
  catalogSize: number;
  env?: Record<string, string>;
  prepare?: (pool: Pool) => Promise<void>;
}

/** Starts the parts in order; stop() undoes whichever started. */
export async function startProblemLab(options: ProblemLabOptions): Promise<ProblemLab> {
  const db = await createTestDatabase({ catalogSize: options.catalogSize });
  const pool = new Pool({ connectionString: db.url, max: 2 });
  let tracestore: TracestoreHandle | undefined;
  let stack: Stack | undefined;
  const stop = async () => {
    await stack?.stop();
    await tracestore?.close();
    await pool.end();
    await db.drop();
  };
  try {
    await options.prepare?.(pool);
    tracestore = await startTracestore({ otlpPort: 0, queryPort: 0, logger: createLogger('tracestore', 'silent') });
    stack = await startStack({ databaseUrl: db.url, otlpEndpoint: `http://127.0.0.1:${tracestore.otlpPort}`, env: options.env });
  } catch (error) {
    await stop();
    throw error;
  }
  const jaeger = createJaegerClient(`http://127.0.0.1:${tracestore.queryPort}`);
  return {
    db,
    pool,
    jaeger,
    stack,
    async setFlag(name, value) {
      // The lab_flags trigger tells every service on commit.
      await writeFlag(pool, name, value);
    },
    async fetchTrace(traceId, isComplete = isTraceComplete) {
      let found: TracesData | undefined;
      await waitUntil(`trace ${traceId} complete in the trace store`, async () => {
        found = (await jaeger.getTrace(traceId)) ?? undefined;
        return found !== undefined && isComplete(receivedSpansOf(found));
      });
      return found as TracesData;
    },
    stop,
  };
}

/** What a verdict points at: its culprit's finding (and switch), or without a culprit the evidence it saw. */
export interface VerdictLead {
  finding: Finding;
  /** The culprit's verdict, or undefined for evidence seen without a culprit (which names no switch). */
  culprit: Verdict | undefined;
}

/**
 * What each verdict points at; fails, quoting every line, when none points at anything. On a
 * busy machine a problem's waits can be spread so thin over a trace's groups that none holds
 * half of it: then there is no culprit, and the lead is the evidence the line says it saw.
 */
export function verdictLeads(verdicts: Verdict[]): VerdictLead[] {
  const leads = verdicts.flatMap((v): VerdictLead[] => (v.finding ? [{ finding: v.finding, culprit: v }] : v.seen ? [{ finding: v.seen.finding, culprit: undefined }] : []));
  if (leads.length === 0) throw new Error(`no verdict points at a cause:\n${verdicts.map((v) => v.line).join('\n')}`);
  return leads;
}
