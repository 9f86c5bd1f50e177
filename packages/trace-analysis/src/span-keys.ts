import { normalizeStatement } from './normalize-statement';
import { isEvidenceCarrier } from './evidence-scope';
import type { TraceSpan, TraceTree } from './types';

const SERVER = 2;
const CLIENT = 3;
const CACHE_LIMIT = 10_000;
// Statements repeat across spans and traces; normalizing each distinct text once keeps a
// 10,000-span diagnosis cheap. Bounded, so a stream of distinct texts cannot grow it forever.
const normalized = new Map<string, string>();

function text(span: TraceSpan, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = span.attributes[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** normalizeStatement, remembering the answers for recent distinct texts. */
export function normalizeStatementCached(raw: string): string {
  let out = normalized.get(raw);
  if (out === undefined) {
    if (normalized.size >= CACHE_LIMIT) normalized.clear();
    out = normalizeStatement(raw);
    normalized.set(raw, out);
  }
  return out;
}

/** The span's normalized SQL (`db.query.text`, else legacy `db.statement`), if any. */
export function statementOf(span: TraceSpan): string | undefined {
  const raw = text(span, 'db.query.text', 'db.statement');
  return raw === undefined ? undefined : normalizeStatementCached(raw);
}

const perTree = new WeakMap<TraceTree, Array<string | undefined>>();

/** The normalized statement of every span of a tree (indexed like tree.spans), computed once. */
export function statementsOf(tree: TraceTree): Array<string | undefined> {
  let statements = perTree.get(tree);
  if (!statements) {
    statements = tree.spans.map(statementOf);
    perTree.set(tree, statements);
  }
  return statements;
}

/** The contributor group of a span: service + operation (span name) + normalized statement. */
export function groupKeyOf(span: TraceSpan, statement: string | undefined): string {
  return statement === undefined ? `${span.service} · ${span.name}` : `${span.service} · ${span.name} · ${statement}`;
}

function serverTarget(span: TraceSpan): string {
  const route = text(span, 'http.route');
  if (route === undefined) return `${span.service} ${span.name}`;
  return [span.service, text(span, 'http.request.method', 'http.method'), route].filter(Boolean).join(' ');
}

// Without the callee's server span, ids in the URL path (a digit in a segment) become `:id`.
function clientTarget(span: TraceSpan): string {
  const host = text(span, 'server.address', 'net.peer.name') ?? '';
  const port = text(span, 'server.port', 'net.peer.port');
  const url = text(span, 'url.path', 'http.target', 'url.full', 'http.url') ?? span.name;
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0];
  const route = path.replace(/\/[^/]*\d[^/]*/g, '/:id');
  const method = text(span, 'http.request.method', 'http.method') ?? '';
  return [port ? `${host}:${port}` : host, method, route].filter(Boolean).join(' ');
}

// gRPC and other clients: the method is the span name by convention (`pkg.Service/Method`).
function otherCallKey(tree: TraceTree, span: TraceSpan): CallKey {
  const server = span.children.map((c) => tree.spans[c]).find((c) => c.kind === SERVER);
  const target = server ? `${server.service} ${span.name}` : span.name;
  return { kind: 'call', key: `call · ${span.service} → ${target}`, statement: undefined, target };
}

function isHttp(span: TraceSpan): boolean {
  return (span.kind === SERVER || span.kind === CLIENT) && text(span, 'http.request.method', 'http.method', 'http.route', 'url.full', 'http.url') !== undefined;
}

/**
 * What a call does, for spotting repeats: its statement; for HTTP the called service and route;
 * for any other outgoing call (gRPC, a cache command, a queue) its name, with the service it
 * reached when the callee's span is in the trace.
 */
export interface CallKey {
  kind: 'statement' | 'http' | 'call';
  key: string;
  statement: string | undefined;
  target: string | undefined;
}

/** The call key of a span, or undefined for spans that make no call (neither SQL, HTTP nor a CLIENT span). */
export function callKeyOf(tree: TraceTree, index: number): CallKey | undefined {
  const span = tree.spans[index];
  const statement = statementsOf(tree)[index];
  if (statement !== undefined) return { kind: 'statement', key: `db · ${span.service} · ${statement}`, statement, target: undefined };
  // A span carrying evidence for another (a plan fetched after its statement) is not a call of the application's.
  if (!isHttp(span)) return span.kind === CLIENT && !isEvidenceCarrier(tree, index) ? otherCallKey(tree, span) : undefined;
  let target: string;
  if (span.kind === SERVER) target = serverTarget(span);
  else {
    const server = span.children.find((c) => tree.spans[c].kind === SERVER);
    target = server === undefined ? clientTarget(span) : serverTarget(tree.spans[server]);
  }
  return { kind: 'http', key: `http · ${span.service} → ${target}`, statement: undefined, target };
}
