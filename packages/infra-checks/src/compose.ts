import { parse } from 'yaml';
import type { ComposeFile, ComposeService, Dependency, PortMapping } from './compose-types';
import { interpolateDeep, listComposeVariables } from './interpolate';

/** Every string value (not key) of a parsed document, depth first. */
export function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(collectStrings);
  return [];
}

/** Parses compose YAML with merge keys (<<) but without interpolation. */
export function parseComposeRaw(text: string): unknown {
  return parse(text, { merge: true });
}

/** The variables a compose text reads, taken from its values so comments do not count. */
export function listUsedVariables(text: string): string[] {
  return [...new Set(collectStrings(parseComposeRaw(text)).flatMap(listComposeVariables))];
}

/** Parses docker-compose.yml text with YAML merge keys and .env interpolation. */
export function parseCompose(text: string, env: ReadonlyMap<string, string>): ComposeFile {
  const doc = interpolateDeep(parseComposeRaw(text), env) as Partial<ComposeFile>;
  if (!doc || typeof doc.services !== 'object' || doc.services === null) throw new Error('compose file has no services');
  return doc as ComposeFile;
}

/** A service's environment as a plain object, whichever of the two compose forms it uses. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => {
      const eq = entry.indexOf('=');
      return eq === -1 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

function parseShortPort(spec: string): PortMapping {
  const parts = spec.replace(/\/(tcp|udp)$/, '').split(':');
  const numbers = (text: string | undefined) => Number(text);
  if (parts.length === 3) return { hostIp: parts[0], host: numbers(parts[1]), container: numbers(parts[2]) };
  if (parts.length === 2) return { host: numbers(parts[0]), container: numbers(parts[1]) };
  return { host: Number.NaN, container: numbers(parts[0]) };
}

/** The ports a service publishes on the host (short and long syntax). */
export function publishedPorts(service: ComposeService): PortMapping[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'string') return parseShortPort(port);
    if (typeof port === 'number') return { host: Number.NaN, container: port };
    return { hostIp: port.host_ip, host: Number(port.published), container: port.target };
  });
}

/** A service's dependencies; the list form waits only for service_started. */
export function dependenciesOf(service: ComposeService): Dependency[] {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return deps.map((name) => ({ service: name, condition: 'service_started' }));
  return Object.entries(deps).map(([name, spec]) => ({ service: name, condition: spec?.condition ?? 'service_started' }));
}

/** True for a service that starts with a plain `docker compose up` (no profile). */
export function isDefaultProfile(service: ComposeService): boolean {
  return (service.profiles ?? []).length === 0;
}

/** True for a service that runs once and exits (restart "no"), such as a migration or a load run. */
export function isOneShot(service: ComposeService): boolean {
  return service.restart === 'no';
}
