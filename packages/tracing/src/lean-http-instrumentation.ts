import { InstrumentationBase, type InstrumentationConfig } from '@opentelemetry/instrumentation';
import { installClientTracing, uninstallClientTracing } from './http-client-tracing';
import { installServerTracing, uninstallServerTracing } from './http-server-tracing';

/**
 * The lean HTTP hooks (TRACING_INSTRUMENTATION=lean) as an instrumentation the SDK can configure
 * and disable: one SERVER span per request handled by any http.Server, one CLIENT span per
 * node:http request. node:http is loaded before any instrumentation can hook its require, so
 * enable() patches it directly instead of through a module definition.
 */
export class LeanHttpInstrumentation extends InstrumentationBase {
  constructor(config: InstrumentationConfig = {}) {
    super('@tracecart/tracing/lean-http', '0.1.0', config);
  }

  protected init(): [] {
    return [];
  }

  /** Installs the server and client hooks. */
  override enable(): void {
    installServerTracing();
    installClientTracing();
  }

  /** Puts node:http back as it was. */
  override disable(): void {
    uninstallServerTracing();
    uninstallClientTracing();
  }
}
