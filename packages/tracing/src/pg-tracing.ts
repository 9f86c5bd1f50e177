import { context, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { InstrumentationBase, InstrumentationNodeModuleDefinition } from '@opentelemetry/instrumentation';
import { dbCollectionName, dbOperationName, dbSpanName } from './db-span-name';

/** The connection parameters a pg Client keeps on itself. */
interface PgClientLike {
  database?: string;
  host?: string;
  port?: number;
}

type Callback = (this: unknown, error: Error | null, result?: unknown) => unknown;
type QueryMethod = (this: PgClientLike, ...args: unknown[]) => unknown;
type ConnectMethod = (this: unknown, callback?: Callback) => unknown;

/** The part of the `pg` module the hooks patch. */
export interface PgModuleLike {
  Client: { prototype: { query: QueryMethod } };
  Pool: { prototype: { connect: ConnectMethod } };
}

const ORIGINAL = Symbol('tracecart.original');
type Patched<T> = T & { [ORIGINAL]?: T };

/**
 * Part of the opt-in lean set: one CLIENT span per pg query, only inside a recorded trace, named
 * and attributed as the official instrumentation with tracecart's request hook names it
 * (`SELECT products`, `db.query.text`, `db.operation.name`, `db.collection.name`), without its
 * metric recording and pool-connect spans.
 */
export function patchPg(pg: PgModuleLike, tracer: () => Tracer): void {
  const client = pg.Client.prototype;
  const pool = pg.Pool.prototype;
  if ((client.query as Patched<QueryMethod>)[ORIGINAL]) return;
  client.query = markOriginal(tracedQuery(client.query, tracer), client.query);
  // Own property on pg's Pool subclass; the inherited connect stays untouched underneath.
  pool.connect = markOriginal(contextKeepingConnect(pool.connect), pool.connect);
}

/** Undoes patchPg (for tests and InstrumentationBase's disable()). */
export function unpatchPg(pg: PgModuleLike): void {
  const query = (pg.Client.prototype.query as Patched<QueryMethod>)[ORIGINAL];
  const connect = (pg.Pool.prototype.connect as Patched<ConnectMethod>)[ORIGINAL];
  if (query) pg.Client.prototype.query = query;
  if (connect) pg.Pool.prototype.connect = connect;
}

/** Registers patchPg with the SDK so it applies whenever an app requires `pg`. */
export class PgQueryInstrumentation extends InstrumentationBase {
  constructor() {
    super('@tracecart/tracing/pg', '0.1.0', {});
  }

  protected init(): InstrumentationNodeModuleDefinition {
    return new InstrumentationNodeModuleDefinition(
      'pg',
      ['>=8 <9'],
      (pg: PgModuleLike) => {
        patchPg(pg, () => this.tracer);
        return pg;
      },
      (pg: PgModuleLike | undefined) => {
        if (pg) unpatchPg(pg);
      },
    );
  }
}

function markOriginal<T extends object>(patched: T, original: T): T {
  (patched as Patched<T>)[ORIGINAL] = original;
  return patched;
}

function tracedQuery(original: QueryMethod, tracer: () => Tracer): QueryMethod {
  return function query(this: PgClientLike, config: unknown, values: unknown, callback: unknown): unknown {
    const active = context.active();
    // A query outside any recorded trace (startup, the orphan sweeper, a sampled-out request)
    // has nothing to join: it runs as if untraced.
    if (!trace.getSpan(active)?.isRecording()) return Reflect.apply(original, this, arguments);
    const text = queryText(config);
    // Submittables (cursors, streams) report through events of their own: left untraced.
    if (text === undefined) return Reflect.apply(original, this, arguments);
    const operation = dbOperationName(text);
    const collection = dbCollectionName(text);
    const span = tracer().startSpan(
      dbSpanName(operation, collection, this.database),
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'postgresql',
          'db.namespace': this.database,
          'db.query.text': text,
          'db.operation.name': operation,
          'db.collection.name': collection,
          'server.address': this.host,
          'server.port': this.port,
        },
      },
      active,
    );
    const args = Array.prototype.slice.call(arguments) as unknown[];
    // A callback runs in the caller's context, as it would untraced; the span ends first.
    const callbackAt = typeof values === 'function' ? 1 : typeof callback === 'function' ? 2 : -1;
    if (callbackAt !== -1) args[callbackAt] = endingCallback(span, args[callbackAt] as Callback, active);
    const configCallback = callbackAt === -1 ? (config as { callback?: unknown }).callback : undefined;
    // pg also takes the callback inside the query config, and then returns no promise.
    if (typeof configCallback === 'function') args[0] = { ...(config as object), callback: endingCallback(span, configCallback as Callback, active) };
    const endsInCallback = callbackAt !== -1 || typeof configCallback === 'function';
    let result: unknown;
    try {
      result = Reflect.apply(original, this, args);
    } catch (error) {
      endFailed(span, error);
      throw error;
    }
    if (endsInCallback) return result;
    if (isThenable(result)) {
      result.then(
        () => span.end(),
        (error: unknown) => endFailed(span, error),
      );
    } else {
      span.end();
    }
    return result;
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';
}

function queryText(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  if (config === null || typeof config !== 'object') return undefined;
  const { text, submit } = config as { text?: unknown; submit?: unknown };
  return typeof submit !== 'function' && typeof text === 'string' ? text : undefined;
}

function endingCallback(span: Span, callback: Callback, caller: Context): Callback {
  return function queryDone(this: unknown, error: Error | null, result?: unknown): unknown {
    if (error) endFailed(span, error);
    else span.end();
    return context.with(caller, callback, this, error, result);
  };
}

function endFailed(span: Span, error: unknown): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  // pg puts the SQLSTATE in `code` (42P01, 23505, 57014…): the stable semconv error.type.
  const sqlState = (failure as { code?: unknown }).code;
  if (typeof sqlState === 'string') span.setAttribute('db.response.status_code', sqlState);
  span.setAttribute('error.type', typeof sqlState === 'string' ? sqlState : failure.name);
  span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
  span.end();
}

/**
 * pg-pool hands a waiting caller its client from inside whichever request released it: without
 * this, a query made in that callback would join the other request's trace.
 */
function contextKeepingConnect(original: ConnectMethod): ConnectMethod {
  return function connect(this: unknown, callback?: Callback): unknown {
    if (typeof callback !== 'function') return Reflect.apply(original, this, arguments);
    const active = context.active();
    if (!trace.getSpan(active)) return original.call(this, callback);
    return original.call(this, context.bind(active, callback));
  };
}
