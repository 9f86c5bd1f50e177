/** One step into a decoded message: a field name or a list index. */
export type FieldPathSegment = string | number;

/** Writes a field path the way the errors name it: `resourceSpans[0].scopeSpans[1].spans[3].traceId`. */
export function formatFieldPath(path: readonly FieldPathSegment[]): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  return text;
}

/**
 * A payload that is not a valid OTLP trace export: undecodable protobuf, or JSON that is not
 * shaped like TracesData. `path` locates the first bad field (empty for the whole payload).
 */
export class OtlpDecodeError extends Error {
  constructor(
    readonly path: readonly FieldPathSegment[],
    readonly problem: string,
    /** What the field should have been when its type was wrong ("object", "array"). */
    readonly expected?: string,
  ) {
    super(path.length > 0 ? `${formatFieldPath(path)}: ${problem}` : problem);
    this.name = 'OtlpDecodeError';
  }

  /** The path as text, e.g. `resourceSpans[0].scopeSpans[0].spans[2].traceId`. */
  get field(): string {
    return formatFieldPath(this.path);
  }
}
