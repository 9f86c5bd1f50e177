type Send = (this: object, ...args: unknown[]) => unknown;

/** The parts of the pg module used here. */
export interface PgModule {
  Pool: unknown;
  Connection: { prototype: { query: Send; parse: Send } };
}

/** Told of every statement a wire connection sends: the connection and the text. */
export type SendListener = (connection: object, text: string | undefined) => void;

const WATCHED = Symbol('statement send watcher');

/**
 * Sees every statement this process sends, traced or not (the pg instrumentation skips
 * statements outside a trace), with the wire connection that sends it. It wraps the wire-level
 * Connection's `query` (simple protocol) and `parse` (extended protocol), which nothing else
 * patches: wrapping Client.prototype.query, which the official instrumentation wraps and
 * re-wraps with shimmer, would make it wrap twice and double every query span. A named
 * statement run again skips `parse`, so only its first run is seen.
 */
export function watchSends(pg: PgModule, onSend: SendListener): void {
  const proto = pg.Connection.prototype as PgModule['Connection']['prototype'] & { [WATCHED]?: true };
  // A disable and enable patches again; one watcher per prototype is enough.
  if (proto[WATCHED]) return;
  proto[WATCHED] = true;
  const watch = (original: Send, textOf: (arg: unknown) => unknown): Send =>
    function watchedSend(this: object, ...args: unknown[]): unknown {
      const text = textOf(args[0]);
      onSend(this, typeof text === 'string' ? text : undefined);
      return original.apply(this, args);
    };
  proto.query = watch(proto.query, (text) => text);
  proto.parse = watch(proto.parse, (query) => (query as { text?: unknown } | undefined)?.text);
}
