import { EVIDENCE } from '@tracecart/contracts';
import { numberOf, stringOf } from './attribute-values';
import { statementsOf } from './span-keys';
import type { EvidenceScope } from './evidence-scope';
import type { Finding, TraceSpan, TraceTree } from './types';

const { ATTR_RETURNED_ROWS } = EVIDENCE;

const SERVER = 2;
// Key-value stores used as caches, by their `db.system.name` (or legacy `db.system`).
const CACHE_SYSTEMS = new Set(['redis', 'memcached', 'valkey', 'keydb', 'dragonfly']);
const CACHE_READS = /^(get|mget|hget|hmget|hgetall|getex|gets|json\.get)\b/i;
const DB_READ = /^\s*(SELECT|WITH)\b/i;
// Bounds the scan of a request's spans on huge traces.
const MAX_MEMBERS = 50;

function isCacheRead(span: TraceSpan): boolean {
  const system = stringOf(span.attributes['db.system.name']) ?? stringOf(span.attributes['db.system']);
  if (system === undefined || !CACHE_SYSTEMS.has(system.toLowerCase())) return false;
  const operation = stringOf(span.attributes['db.operation.name']) ?? span.name;
  return CACHE_READS.test(operation);
}

/** Whether a cache read found nothing: an explicit `cache.hit=false`, or no rows returned. */
function missed(span: TraceSpan): boolean {
  if (span.attributes['cache.hit'] === false) return true;
  return numberOf(span.attributes[ATTR_RETURNED_ROWS]) === 0;
}

// The request a span belongs to in its own service: its nearest server-span ancestor (or root).
function requestOf(tree: TraceTree, index: number): number {
  let i = index;
  while (tree.spans[i].parent >= 0 && tree.spans[i].kind !== SERVER) i = tree.spans[i].parent;
  return i;
}

const perTree = new WeakMap<TraceTree, Map<number, number[]>>();

// The cache reads of a tree by the request they belong to, found in one pass per tree.
function cacheReadsByRequest(tree: TraceTree): Map<number, number[]> {
  let byRequest = perTree.get(tree);
  if (!byRequest) {
    byRequest = new Map();
    for (let i = 0; i < tree.spans.length; i++) {
      if (!isCacheRead(tree.spans[i])) continue;
      const request = requestOf(tree, i);
      const list = byRequest.get(request);
      if (list) list.push(i);
      else byRequest.set(request, [i]);
    }
    perTree.set(tree, byRequest);
  }
  return byRequest;
}

function cacheReadsBefore(tree: TraceTree, read: number): number[] {
  const span = tree.spans[read];
  const inRequest = cacheReadsByRequest(tree).get(requestOf(tree, read)) ?? [];
  return inRequest.filter((c) => tree.spans[c].service === span.service && tree.spans[c].startNs <= span.startNs);
}

/**
 * For a culprit of database reads: `cache_miss` when a cache read in the same request found
 * nothing before the read ran; `uncached_read` when the request read no cache at all.
 */
export function findCacheEvidence(scope: EvidenceScope): Finding | undefined {
  const { tree } = scope;
  const statements = statementsOf(tree);
  const reads = scope.spans.filter((i) => DB_READ.test(statements[i] ?? '') && !isCacheRead(tree.spans[i])).slice(0, MAX_MEMBERS);
  if (reads.length === 0) return undefined;
  const misses: string[] = [];
  let withoutCache = 0;
  let cacheName: string | undefined;
  for (const i of reads) {
    const span = tree.spans[i];
    const cacheReads = cacheReadsBefore(tree, i);
    if (cacheReads.length === 0) withoutCache++;
    const miss = cacheReads.find((c) => missed(tree.spans[c]));
    if (miss !== undefined) {
      misses.push(span.spanId);
      cacheName ??= `${stringOf(tree.spans[miss].attributes['db.system.name']) ?? stringOf(tree.spans[miss].attributes['db.system'])} ${tree.spans[miss].name}`;
    }
  }
  if (misses.length > 0) {
    return {
      kind: 'cache_miss',
      title: 'cache miss',
      evidence: `${cacheName} found nothing before ${misses.length} of ${reads.length} ${reads.length === 1 ? 'read' : 'reads'}`,
      advice: 'the cache is cold or evicts too soon: repeat the request, or check what the cache holds',
      details: { cache: cacheName ?? '', misses: misses.length, reads: reads.length },
      spanIds: misses,
    };
  }
  if (withoutCache < reads.length) return undefined;
  return {
    kind: 'uncached_read',
    title: 'uncached read',
    evidence: `no cache read before ${reads.length === 1 ? 'the read' : `any of ${reads.length} reads`} in ${tree.spans[reads[0]].service}`,
    advice: 'cache the rows that every request reads',
    details: { reads: reads.length },
    spanIds: reads.map((i) => tree.spans[i].spanId),
  };
}
