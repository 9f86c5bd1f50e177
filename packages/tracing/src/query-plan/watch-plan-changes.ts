import { changesPlans } from './statement-kind';

type Send = (this: unknown, ...args: unknown[]) => unknown;

/** The parts of the pg module used here. */
export interface PgModule {
  Pool: unknown;
  Connection: { prototype: { query: Send; parse: Send } };
}

const WATCHED = Symbol('query-plan watcher');

/**
 * Sees the text of every statement this process sends, traced or not (the pg instrumentation
 * skips statements outside a trace), and calls `onChange` on DDL. It wraps the wire-level
 * Connection's `query` (simple protocol) and `parse` (extended protocol), which nothing else
 * patches: wrapping Client.prototype.query, which the official instrumentation wraps and
 * re-wraps with shimmer, would make it wrap twice and double every query span.
 */
export function watchPlanChanges(pg: PgModule, isEnabled: () => boolean, onChange: () => void): void {
  const proto = pg.Connection.prototype as PgModule['Connection']['prototype'] & { [WATCHED]?: true };
  // A disable and enable patches again; one watcher per prototype is enough.
  if (proto[WATCHED]) return;
  proto[WATCHED] = true;
  const watch = (original: Send, textOf: (arg: unknown) => unknown): Send =>
    function watchedSend(this: unknown, ...args: unknown[]): unknown {
      const text = textOf(args[0]);
      if (isEnabled() && typeof text === 'string' && changesPlans(text)) onChange();
      return original.apply(this, args);
    };
  proto.query = watch(proto.query, (text) => text);
  proto.parse = watch(proto.parse, (query) => (query as { text?: unknown } | undefined)?.text);
}
