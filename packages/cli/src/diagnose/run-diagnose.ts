import { consumerLoadOf, diagnoseTree, selectTree, selectTreeWithLinks, TraceAnalysisError, type Diagnosis, type TraceTree } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES, withoutFixSuggestions } from '@tracecart/lab-rules';
import type { TracesData } from '@tracecart/otlp';
import { markBaselines } from './baseline-marks';
import { diagnosisWithBaselines } from './baseline-json';
import { chooseBaselineSource } from './choose-baselines';
import type { DiagnoseArgs } from './diagnose-args';
import type { TraceFetcher } from './fetch-traces';
import { formatDiagnosis } from './format-diagnosis';
import { formatMany, type DiagnosedTrace } from './format-many';
import { formatOrigin } from './format-baselines';
import { medianOfCommonCulprit } from './culprit-median';
import { formatLookback } from './lookback-text';
import { summarizeMany } from './summarize-many';

type OneArgs = Extract<DiagnoseArgs, { mode: 'one' }>;
type LastArgs = Extract<DiagnoseArgs, { mode: 'last' }>;

/** What a run prints and the exit code it ends with. */
export interface DiagnoseOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** One tree with the lab's rules. During a challenge (`hideFixes`) the verdict names the finding and its general advice, no switch. */
function diagnoseWith(tree: TraceTree, hideFixes: boolean, contributorLimit?: number): Diagnosis {
  const diagnosis = diagnoseTree(tree, { contributorLimit, rules: LAB_SWITCH_RULES });
  return hideFixes ? withoutFixSuggestions(diagnosis) : diagnosis;
}

/** Diagnoses one trace and marks its groups against their operations' recent durations. */
export async function diagnoseOne(args: OneArgs, fetcher: TraceFetcher, hideFixes = false): Promise<DiagnoseOutput> {
  // With the traces it links to: a consumer's wait shows across the link to its producer.
  const tree = await selectTreeWithLinks(await fetcher.getTrace(args.traceId), args.traceId, (id) => fetcher.getTrace(id));
  const diagnosis = diagnoseWith(tree, hideFixes);
  const probeService = diagnosis.summary.rootService ?? diagnosis.summary.services[0] ?? 'unknown_service';
  const source = await chooseBaselineSource(args.jaegerUrl, fetcher, args.lookbackMs, probeService);
  const marks = await markBaselines(tree, diagnosis, source);
  const stdout = args.json ? JSON.stringify(diagnosisWithBaselines(diagnosis, marks), null, 2) : formatDiagnosis(diagnosis, marks);
  return { stdout, stderr: '', exitCode: 0 };
}

function diagnoseEach(traces: Map<string, TracesData>, hideFixes: boolean): { diagnosed: DiagnosedTrace[]; trees: Array<{ diagnosis: Diagnosis; tree: TraceTree }>; skipped: string[] } {
  const diagnosed: DiagnosedTrace[] = [];
  const trees: Array<{ diagnosis: Diagnosis; tree: TraceTree }> = [];
  const skipped: string[] = [];
  for (const [traceId, data] of traces) {
    try {
      const tree = selectTree(data, traceId);
      const diagnosis = diagnoseWith(tree, hideFixes, 1000);
      diagnosed.push({ traceId, startUnixNano: tree.originUnixNano, diagnosis });
      trees.push({ diagnosis, tree });
    } catch (error) {
      // One unreadable trace should not hide what the others say; it is listed, not dropped.
      if (!(error instanceof TraceAnalysisError)) throw error;
      skipped.push(`${traceId}: ${error.message}`);
    }
  }
  diagnosed.sort((a, b) => Number(BigInt(b.startUnixNano ?? '0') - BigInt(a.startUnixNano ?? '0')));
  return { diagnosed, trees, skipped };
}

/** Diagnoses the newest `count` traces of a service and says what they have in common. */
export async function diagnoseLast(args: LastArgs, fetcher: TraceFetcher, hideFixes = false): Promise<DiagnoseOutput> {
  const where = `${args.service} · last ${formatLookback(args.lookbackMs)} · ${args.jaegerUrl}`;
  const { diagnosed, trees, skipped } = diagnoseEach(await fetcher.findRecent(args.service, args.count, args.lookbackMs), hideFixes);
  if (diagnosed.length === 0) {
    const why = skipped.length > 0 ? `; skipped ${skipped.join('; ')}` : '';
    return { stdout: '', stderr: `no traces to diagnose for ${where}${why}`, exitCode: 1 };
  }
  const summary = summarizeMany(diagnosed.map((d) => d.diagnosis));
  const source = await chooseBaselineSource(args.jaegerUrl, fetcher, args.lookbackMs, args.service);
  const culpritMedian = await medianOfCommonCulprit(trees, source);
  // A single consumer trace cannot say how fast messages arrive; the enqueue times of many can.
  const consumerLoad = consumerLoadOf(trees.map((t) => t.tree));
  if (args.json) {
    const { origin, ...median } = culpritMedian;
    const baselines = { ...origin, line: formatOrigin(origin), commonCulprit: median.culprit ? median : null };
    const body = { service: args.service, lookbackMs: args.lookbackMs, jaeger: args.jaegerUrl, summary, baselines, consumerLoad: consumerLoad ?? null, traces: diagnosed, skipped };
    return { stdout: JSON.stringify(body, null, 2), stderr: '', exitCode: 0 };
  }
  return { stdout: formatMany(`${diagnosed.length} traces · ${where}`, summary, diagnosed, skipped, culpritMedian, consumerLoad), stderr: '', exitCode: 0 };
}
