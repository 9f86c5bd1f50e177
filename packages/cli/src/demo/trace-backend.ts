import { ListenError, startTracestore, type TracestoreHandle } from '@tracecart/tracestore';
import { createLogger } from '@tracecart/tracing';
import { DEMO_PORTS } from './components';
import { DemoError } from './demo-error';
import { DEMO_HOST } from './ports';

/** Starts the embedded Jaeger stand-in in this process, on the DESIGN ports. */
export async function startTraceBackend(): Promise<TracestoreHandle> {
  try {
    return await startTracestore({
      host: DEMO_HOST,
      otlpPort: DEMO_PORTS.otlp,
      queryPort: DEMO_PORTS.query,
      // The launcher prints its own line for it; only its problems are worth a log line.
      logger: createLogger('tracestore', 'warn'),
    });
  } catch (error) {
    if (error instanceof ListenError) throw new DemoError(`tracestore: ${error.message}`);
    throw error;
  }
}
