import { buildTraceTree, diagnose, TraceAnalysisError } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES } from '@tracecart/lab-rules';
import type { TracesData } from '@tracecart/otlp';
import type { DiagnoseArgs } from './diagnose-args';
import type { TraceFetcher } from './fetch-traces';
import { formatDiagnosis } from './format-diagnosis';
import { formatMany, type DiagnosedTrace } from './format-many';
import { summarizeMany } from './summarize-many';

type OneArgs = Extract<DiagnoseArgs, { mode: 'one' }>;
type LastArgs = Extract<DiagnoseArgs, { mode: 'last' }>;

/** What a run prints and the exit code it ends with. */
export interface DiagnoseOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function minutes(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 60_000)}m`;
}

/** Diagnoses one trace. */
export async function diagnoseOne(args: OneArgs, fetcher: TraceFetcher): Promise<DiagnoseOutput> {
  const diagnosis = diagnose(await fetcher.getTrace(args.traceId), { traceId: args.traceId, rules: LAB_SWITCH_RULES });
  return { stdout: args.json ? JSON.stringify(diagnosis, null, 2) : formatDiagnosis(diagnosis), stderr: '', exitCode: 0 };
}

function diagnoseEach(traces: Map<string, TracesData>): { diagnosed: DiagnosedTrace[]; skipped: string[] } {
  const diagnosed: DiagnosedTrace[] = [];
  const skipped: string[] = [];
  for (const [traceId, data] of traces) {
    try {
      const startUnixNano = buildTraceTree(data)[0]?.originUnixNano;
      diagnosed.push({ traceId, startUnixNano, diagnosis: diagnose(data, { traceId, contributorLimit: 1000, rules: LAB_SWITCH_RULES }) });
    } catch (error) {
      // One unreadable trace should not hide what the others say; it is listed, not dropped.
      if (!(error instanceof TraceAnalysisError)) throw error;
      skipped.push(`${traceId}: ${error.message}`);
    }
  }
  diagnosed.sort((a, b) => Number(BigInt(b.startUnixNano ?? '0') - BigInt(a.startUnixNano ?? '0')));
  return { diagnosed, skipped };
}

/** Diagnoses the newest `count` traces of a service and says what they have in common. */
export async function diagnoseLast(args: LastArgs, fetcher: TraceFetcher): Promise<DiagnoseOutput> {
  const where = `${args.service} · last ${minutes(args.lookbackMs)} · ${args.jaegerUrl}`;
  const { diagnosed, skipped } = diagnoseEach(await fetcher.findRecent(args.service, args.count, args.lookbackMs));
  if (diagnosed.length === 0) {
    const why = skipped.length > 0 ? `; skipped ${skipped.join('; ')}` : '';
    return { stdout: '', stderr: `no traces to diagnose for ${where}${why}`, exitCode: 1 };
  }
  const summary = summarizeMany(diagnosed.map((d) => d.diagnosis));
  if (args.json) {
    const body = { service: args.service, lookbackMs: args.lookbackMs, jaeger: args.jaegerUrl, summary, traces: diagnosed, skipped };
    return { stdout: JSON.stringify(body, null, 2), stderr: '', exitCode: 0 };
  }
  return { stdout: formatMany(`${diagnosed.length} traces · ${where}`, summary, diagnosed, skipped), stderr: '', exitCode: 0 };
}
