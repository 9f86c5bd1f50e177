import path from 'node:path';
import type { ConsoleConfig } from './config';

/** Where the console finds the rest of the lab, and what it tells the page about it. */
export interface ConsoleSettings {
  /** Jaeger's /api/v3 (or the tracestore). */
  jaegerQueryUrl: string;
  /** The Jaeger UI, for "open in Jaeger" links; null when there is none. */
  jaegerUiUrl: string | null;
  /** The gateway the shop and the load panel talk to. */
  gatewayUrl: string;
  catalogSize: number;
  /** Which cache inventory runs with, when known. */
  cacheBackend: 'redis' | 'memory' | undefined;
  /** The built page (index.html and its assets). */
  webRoot: string;
}

/** The built page sits in dist/web whether this file runs from dist/ or from src/ (tests). */
export const DEFAULT_WEB_ROOT = path.resolve(__dirname, '..', 'dist', 'web');

/** The lab's defaults: every part on its DESIGN port on loopback. */
export const DEFAULT_SETTINGS: Readonly<ConsoleSettings> = Object.freeze({
  jaegerQueryUrl: 'http://127.0.0.1:16686',
  jaegerUiUrl: 'http://127.0.0.1:16686',
  gatewayUrl: 'http://127.0.0.1:8080',
  catalogSize: 1_000_000,
  cacheBackend: undefined,
  webRoot: DEFAULT_WEB_ROOT,
});

/** The settings a parsed config describes. */
export function settingsFromConfig(config: Readonly<ConsoleConfig>): ConsoleSettings {
  return {
    jaegerQueryUrl: config.JAEGER_QUERY_URL,
    jaegerUiUrl: config.JAEGER_UI_URL === 'none' ? null : (config.JAEGER_UI_URL ?? config.JAEGER_QUERY_URL),
    gatewayUrl: config.GATEWAY_URL,
    catalogSize: config.CATALOG_SIZE,
    cacheBackend: config.CACHE_BACKEND,
    webRoot: DEFAULT_WEB_ROOT,
  };
}
