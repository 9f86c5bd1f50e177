/** Why an input could not be analysed. */
export type TraceAnalysisErrorCode = 'invalid_input' | 'invalid_span' | 'no_trace' | 'trace_not_found' | 'several_traces';

/** A typed refusal of input the analysis cannot trust; `path` names the offending field. */
export class TraceAnalysisError extends Error {
  constructor(
    readonly code: TraceAnalysisErrorCode,
    readonly reason: string,
    readonly path?: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'TraceAnalysisError';
  }
}

/** Prefixes the path of a TraceAnalysisError (paths are built only when something failed). */
export function prefixErrorPath(error: unknown, prefix: string): unknown {
  if (!(error instanceof TraceAnalysisError)) return error;
  return new TraceAnalysisError(error.code, error.reason, error.path ? `${prefix}.${error.path}` : prefix);
}
