// Realistic tracecart checkout traces: gateway → order → inventory per item (or one batched
// lookup) → reservation → order's own writes, with the fix attributes on server spans, pg
// statements as the services send them, cache lookups and chaos events.
import {
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_ROUTE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import { EVIDENCE, LAB_ATTRIBUTES, LAB_EVENTS, LAB_SPANS, skuOf } from '@tracecart/contracts';
import type { AttributeValue, TracesData } from '@tracecart/otlp';
import { toTracesData, type SpanSpec } from './span-specs';

/** Which fixes are on and how slow things are (ms). */
export interface CheckoutTraceOptions {
  items?: number;
  fix?: { index?: boolean; cache?: boolean; batch?: boolean };
  /** One product lookup in Postgres; default 30 without the index, 0.4 with it. */
  lookupMs?: number;
  /** One reservation UPDATE; default like lookupMs. */
  reserveMs?: number;
  /** Gateway's, order's and the reservation's own work before their first call (a cold first checkout); default 0. */
  coldMs?: number;
  /** Order asks inventory for all items at once (a fan-out, not an N+1). */
  parallelLookups?: boolean;
  cacheHit?: boolean;
  /**
   * Lookups and reservations carry their EXPLAIN plan on a linked span, as the tracing package
   * records it for slow statements (a Seq Scan without the index); default true.
   */
  plans?: boolean;
  /** Injected by chaos into the first lookup's inventory span. */
  chaosDelayMs?: number;
  /** The first lookup fails with an injected error. */
  chaosError?: boolean;
  traceId?: string;
}

/** The statements tracecart's services send. */
export const CHECKOUT_SQL = {
  lookup: 'SELECT sku, name, price_cents, on_hand FROM products WHERE sku = $1',
  batch: 'SELECT sku, name, price_cents, on_hand FROM products WHERE sku = ANY($1)',
  reserve: 'UPDATE products SET on_hand = on_hand - $2 WHERE sku = $1 AND on_hand >= $2 RETURNING on_hand',
};

const SERVER = 2;
const CLIENT = 3;

interface Ctx {
  specs: SpanSpec[];
  flags: Record<string, AttributeValue>;
  o: Required<Omit<CheckoutTraceOptions, 'traceId' | 'fix'>>;
  indexed: boolean;
  traceId: string | undefined;
}

function add(ctx: Ctx, spec: SpanSpec): void {
  ctx.specs.push({ ...spec, traceId: ctx.traceId });
}

// Handlers are added before their children, and end when the last child has.
function setEnd(ctx: Ctx, id: string, end: number): void {
  const spec = ctx.specs.find((s) => s.id === id);
  if (spec) spec.end = end;
}

function server(ctx: Ctx, id: string, parent: string, service: string, method: string, route: string, start: number, end: number, extra: Partial<SpanSpec> = {}): void {
  const attributes = { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_HTTP_ROUTE]: route, ...ctx.flags, ...extra.attributes };
  add(ctx, { id, parent, service, name: `${method} ${route}`, kind: SERVER, start, end, ...extra, attributes });
}

function client(ctx: Ctx, id: string, parent: string, service: string, method: string, url: string, start: number, end: number): void {
  const { hostname, port } = new URL(url);
  const attributes = { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_FULL]: url, [ATTR_SERVER_ADDRESS]: hostname, [ATTR_SERVER_PORT]: Number(port) };
  add(ctx, { id, parent, service, name: method, kind: CLIENT, start, end, attributes });
}

function query(ctx: Ctx, id: string, parent: string, service: string, sql: string, start: number, ms: number): number {
  const attributes = { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL, [ATTR_DB_QUERY_TEXT]: sql };
  add(ctx, { id, parent, service, name: `pg.query:${sql.split(' ')[0]} tracecart`, kind: CLIENT, start, end: start + ms, attributes });
  addPlan(ctx, id, parent, sql, start + ms);
  return start + ms;
}

// What EXPLAIN (FORMAT JSON) answers for a statement by sku, with and without the index.
function planOf(sql: string, indexed: boolean) {
  const relation = 'products';
  const filter = '((sku)::text = $1)';
  const scan = indexed
    ? { 'Node Type': 'Index Scan', 'Index Name': 'products_sku_idx', 'Relation Name': relation, 'Index Cond': filter, 'Plan Rows': 1, 'Total Cost': 8.44 }
    : { 'Node Type': 'Seq Scan', 'Relation Name': relation, Filter: filter, 'Plan Rows': 1, 'Total Cost': 20834.0 };
  const root = sql.startsWith('UPDATE') ? { 'Node Type': 'ModifyTable', Operation: 'Update', 'Relation Name': relation, 'Plan Rows': 1, 'Total Cost': scan['Total Cost'], Plans: [scan] } : scan;
  const nodes = sql.startsWith('UPDATE') ? [root, scan] : [scan];
  const line = (n: Record<string, unknown>) =>
    `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''} on ${relation} (rows≈1, cost ${Number(n['Total Cost']).toFixed(2)}${n.Filter ? `, filter: ${n.Filter}` : ''}${n['Index Cond'] ? `, cond: ${n['Index Cond']}` : ''})`;
  return {
    name: EVIDENCE.PLAN_EVENT,
    attributes: {
      [EVIDENCE.ATTR_PLAN_NODES]: nodes.map(line).join('; '),
      [EVIDENCE.ATTR_PLAN_NODE_TYPES]: nodes.map((n) => n['Node Type'] as string),
      [EVIDENCE.ATTR_PLAN_RELATIONS]: nodes.map(() => relation),
      [EVIDENCE.ATTR_PLAN_INDEXES]: indexed ? ['products_sku_idx'] : [],
      [EVIDENCE.ATTR_PLAN_TOTAL_COST]: scan['Total Cost'],
      [EVIDENCE.ATTR_PLAN_JSON]: JSON.stringify([{ Plan: root }]),
    },
  };
}

// The plan of a statement by sku, on a short span beside it that links to it, as the tracing
// package records a plan fetched after the statement ended.
function addPlan(ctx: Ctx, statementId: string, parent: string, sql: string, end: number): void {
  if (!ctx.o.plans || !/\bWHERE sku = \$1/.test(sql)) return;
  add(ctx, { id: `${statementId}x`, parent, service: 'inventory', name: EVIDENCE.PLAN_SPAN_NAME, kind: CLIENT, start: end, end: end, links: [statementId], events: [planOf(sql, ctx.indexed)] });
}

function addCacheLookup(ctx: Ctx, id: string, parent: string, start: number, keys: number): void {
  add(ctx, { id, parent, service: 'inventory', name: LAB_SPANS.cacheLookup, start, end: start + 0.3, attributes: { [LAB_ATTRIBUTES.cacheHit]: ctx.o.cacheHit } });
  // The Redis read under it, as the ioredis instrumentation records it: what it found is the evidence.
  const command = keys === 1 ? 'get' : 'mget';
  const attributes = { [ATTR_DB_SYSTEM_NAME]: 'redis', [EVIDENCE.ATTR_RETURNED_ROWS]: ctx.o.cacheHit ? keys : 0 };
  add(ctx, { id: `${id}g`, parent: id, service: 'inventory', name: command, kind: CLIENT, start: start + 0.05, end: start + 0.25, attributes });
}

// One GET /products/:sku round trip; returns when the order service has the answer.
function addLookup(ctx: Ctx, k: number, start: number): number {
  const sku = skuOf(k + 42);
  const chaos = k === 0 ? ctx.o.chaosDelayMs : 0;
  const failed = k === 0 && ctx.o.chaosError;
  const cacheOn = ctx.flags[LAB_ATTRIBUTES.fixCache] === true;
  let t = start + 0.3 + chaos;
  if (!failed) {
    add(ctx, { id: `l${k}h`, parent: `l${k}s`, service: 'inventory', name: 'request handler - /products/:sku', start: t, end: t });
    if (cacheOn) {
      addCacheLookup(ctx, `l${k}r`, `l${k}h`, t, 1);
      t += 0.3;
    }
    if (!(cacheOn && ctx.o.cacheHit)) t = query(ctx, `l${k}q`, `l${k}h`, 'inventory', CHECKOUT_SQL.lookup, t + 0.05, ctx.o.lookupMs);
    setEnd(ctx, `l${k}h`, t + 0.05);
  }
  const events = chaos > 0 ? [{ name: LAB_EVENTS.chaosLatency, attributes: { [LAB_ATTRIBUTES.chaosDelayMs]: chaos } }] : failed ? [{ name: LAB_EVENTS.chaosError }] : [];
  server(ctx, `l${k}s`, `l${k}c`, 'inventory', 'GET', '/products/:sku', start + 0.2, t + 0.1, { events, error: failed });
  client(ctx, `l${k}c`, 'ord', 'order', 'GET', `http://127.0.0.1:8082/products/${sku}`, start, t + 0.3);
  return t + 0.3;
}

function addBatchLookup(ctx: Ctx, start: number): number {
  add(ctx, { id: 'bh', parent: 'bs', service: 'inventory', name: 'request handler - /products/lookup', start: start + 0.3, end: 0 });
  let t = start + 0.35;
  const cacheOn = ctx.flags[LAB_ATTRIBUTES.fixCache] === true;
  if (cacheOn) {
    addCacheLookup(ctx, 'bcache', 'bh', t, ctx.o.items);
    t += 0.3;
  }
  if (!(cacheOn && ctx.o.cacheHit)) t = query(ctx, 'bq', 'bh', 'inventory', CHECKOUT_SQL.batch, t, ctx.o.lookupMs);
  setEnd(ctx, 'bh', t + 0.05);
  server(ctx, 'bs', 'bc', 'inventory', 'POST', '/products/lookup', start + 0.2, t + 0.1);
  client(ctx, 'bc', 'ord', 'order', 'POST', 'http://127.0.0.1:8082/products/lookup', start, t + 0.3);
  return t + 0.3;
}

function addReservation(ctx: Ctx, start: number): number {
  let t = query(ctx, 'rbegin', 'rs', 'inventory', 'BEGIN', start + 0.3 + ctx.o.coldMs, 0.1);
  t = query(ctx, 'rclaim', 'rs', 'inventory', "INSERT INTO reservations (order_id, status) VALUES ($1, 'held') ON CONFLICT (order_id) DO NOTHING", t, 0.2);
  for (let k = 0; k < ctx.o.items; k++) t = query(ctx, `u${k}`, 'rs', 'inventory', CHECKOUT_SQL.reserve, t + 0.02, ctx.o.reserveMs);
  t = query(ctx, 'rlines', 'rs', 'inventory', 'INSERT INTO reservation_lines (order_id, sku, quantity) SELECT $1, sku, quantity FROM unnest($2::text[], $3::int[]) AS l(sku, quantity)', t + 0.02, 0.2);
  t = query(ctx, 'rcommit', 'rs', 'inventory', 'COMMIT', t, 0.1);
  server(ctx, 'rs', 'rc', 'inventory', 'POST', '/reservations', start + 0.2, t + 0.1);
  client(ctx, 'rc', 'ord', 'order', 'POST', 'http://127.0.0.1:8082/reservations', start, t + 0.3);
  return t + 0.3;
}

function addLookups(ctx: Ctx, start: number): number {
  if (ctx.flags[LAB_ATTRIBUTES.fixBatch] === true) return addBatchLookup(ctx, start);
  let t = start;
  let end = start;
  for (let k = 0; k < ctx.o.items; k++) {
    end = Math.max(end, addLookup(ctx, k, ctx.o.parallelLookups ? start + 0.05 * k : t));
    if (k === 0 && ctx.o.chaosError) return end;
    t = end + 0.1;
  }
  return end;
}

/** The spans of one checkout, times in ms. */
export function buildCheckoutSpecs(options: CheckoutTraceOptions = {}): SpanSpec[] {
  const fix = { index: false, cache: false, batch: false, ...options.fix };
  const lookupMs = options.lookupMs ?? (fix.index ? 0.4 : 30);
  const o = { items: 3, lookupMs, reserveMs: lookupMs, coldMs: 0, parallelLookups: false, cacheHit: false, plans: true, chaosDelayMs: 0, chaosError: false, ...options };
  const flags = { [LAB_ATTRIBUTES.fixIndex]: fix.index, [LAB_ATTRIBUTES.fixCache]: fix.cache, [LAB_ATTRIBUTES.fixBatch]: fix.batch };
  const ctx: Ctx = { specs: [], flags, o: { ...o, lookupMs, reserveMs: o.reserveMs }, indexed: fix.index, traceId: options.traceId };
  let t = addLookups(ctx, 1.0 + 2 * o.coldMs);
  if (!o.chaosError) {
    t = addReservation(ctx, t + 0.1);
    t = query(ctx, 'oins', 'ord', 'order', 'INSERT INTO orders (id, customer_id, total_cents) VALUES ($1, $2, $3)', t + 0.1, 0.5);
    t = query(ctx, 'oitems', 'ord', 'order', 'INSERT INTO order_items (order_id, sku, quantity, price_cents) SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[])', t, 0.5);
  }
  server(ctx, 'ord', 'gwc', 'order', 'POST', '/orders', 0.7 + o.coldMs, t + 0.2, { error: o.chaosError });
  client(ctx, 'gwc', 'gw', 'gateway', 'POST', 'http://127.0.0.1:8081/orders', 0.5 + o.coldMs, t + 0.4);
  server(ctx, 'gw', '', 'gateway', 'POST', '/api/checkout', 0, t + 0.6, { error: o.chaosError });
  return ctx.specs.map((s) => (s.parent === '' ? { ...s, parent: undefined } : s));
}

/** One checkout as OTLP TracesData. */
export function buildCheckoutTrace(options: CheckoutTraceOptions = {}): TracesData {
  return toTracesData(buildCheckoutSpecs(options));
}
