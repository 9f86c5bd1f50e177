/** A failed call to Jaeger's query API: its HTTP status (0 when Jaeger did not answer) and its message. */
export class JaegerQueryError extends Error {
  constructor(
    readonly status: number,
    readonly jaegerMessage: string,
    readonly path: string,
  ) {
    super(status === 0 ? `Jaeger ${path}: ${jaegerMessage}` : `Jaeger ${path} answered ${status}: ${jaegerMessage}`);
    this.name = 'JaegerQueryError';
  }
}
