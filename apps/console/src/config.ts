import path from 'node:path';
import { z } from 'zod';
import { readConfig } from '@tracecart/http-kit';

/** The built page sits in dist/web whether this file runs from dist/ or from src/ (tests). */
export const DEFAULT_WEB_ROOT = path.resolve(__dirname, '..', 'dist', 'web');

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')
  .transform((u) => u.replace(/\/+$/, ''));

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8088),
    /** Loopback by default: the control API can change the lab, so it is not exposed unasked. */
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/tracecart'),
    LAB_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Jaeger's query API (/api/v3), or the tracestore standing in for it. */
    JAEGER_QUERY_URL: httpUrl.default('http://127.0.0.1:16686'),
    /**
     * Where a person's browser reaches the Jaeger UI; defaults to JAEGER_QUERY_URL. `none` when
     * there is no UI (the embedded tracestore has none): read as null, the page then shows no
     * Jaeger links.
     */
    JAEGER_UI_URL: z.union([z.literal('none'), httpUrl]).optional(),
    GATEWAY_URL: httpUrl.default('http://127.0.0.1:8080'),
    /** Inventory, whose /metrics the pool view (Little's Law) samples. */
    INVENTORY_URL: httpUrl.default('http://127.0.0.1:8082'),
    /** Fulfilment, the consumer of order.placed, whose dead letters the page lists. */
    FULFILMENT_URL: httpUrl.default('http://127.0.0.1:8083'),
    /** The seeded catalog size, so the page's long-tail SKUs and the load mixes exist. */
    CATALOG_SIZE: z.coerce.number().int().min(1).max(9_999_999).default(1_000_000),
    /** Which cache inventory runs with, when the launcher says so (the demo does). */
    CACHE_BACKEND: z.enum(['redis', 'memory']).optional(),
    /**
     * The status endpoint of the supervisor running the services (`lab demo` sets it): the only
     * place restart counts are known. Without it the services' states come from /readyz probes.
     */
    LAB_SUPERVISOR_URL: httpUrl.optional(),
  })
  .refine((c) => isLoopback(c.HOST) || c.LAB_ADMIN_TOKEN !== undefined, {
    path: ['LAB_ADMIN_TOKEN'],
    message: 'is required when HOST is not a loopback address',
  })
  .transform((c) => ({ ...c, JAEGER_UI_URL: c.JAEGER_UI_URL === 'none' ? null : (c.JAEGER_UI_URL ?? c.JAEGER_QUERY_URL) }));

/** The console's settings: where the rest of the lab is, and what the page is told about it. */
export type ConsoleConfig = z.output<typeof schema>;

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Reads the console settings from the environment, once. */
export function readConsoleConfig(env: NodeJS.ProcessEnv): Readonly<ConsoleConfig> {
  return readConfig(schema, env);
}

/** The lab's defaults, as an empty environment reads: every part on its usual port on loopback. */
export const DEFAULT_CONSOLE_CONFIG: Readonly<ConsoleConfig> = readConsoleConfig({});
