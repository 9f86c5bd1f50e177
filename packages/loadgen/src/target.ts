const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for localhost, any address in 127.0.0.0/8 and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const octets = IPV4.exec(hostname);
  return octets !== null && Number(octets[1]) === 127 && octets.slice(2).every((o) => Number(o) <= 255);
}

/**
 * Checks that a load target is a plain http(s) origin on the loopback interface and returns its
 * origin. The lab never aims load at another machine, so anything else is refused (RangeError),
 * except host names the operator named explicitly in `allowedHosts` (compose's `gateway`).
 */
export function requireLoopbackTarget(target: string, allowedHosts: readonly string[] = []): string {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new RangeError(`"${target}" is not a URL (use e.g. http://127.0.0.1:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`"${target}" must be http or https`);
  // URL normalises 127.1 or 0x7f.0.0.1 to dotted form, so the check sees the address actually dialled.
  if (!isLoopbackHost(url.hostname) && !allowedHosts.includes(url.hostname)) {
    throw new RangeError(`"${target}" is not a loopback address; only localhost, 127.0.0.0/8 and [::1] are allowed`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new RangeError(`"${target}" must be an origin only, like http://127.0.0.1:8080`);
  }
  return url.origin;
}
