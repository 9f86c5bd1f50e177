/** The preload that starts OpenTelemetry in a service (`--require`); a trace backend runs without it. */
export const TRACING_PRELOAD = '@tracecart/tracing/register';
