// Probes, scrapes and order's poll for abandoned reservations (every 30 s) would drown the
// checkout traces; requests for these paths are never traced.
const UNTRACED_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics', '/reservations/held']);

function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Whether a request for this target is left untraced. */
export function isUntracedPath(url: string | undefined): boolean {
  return UNTRACED_PATHS.has(pathOf(url));
}
