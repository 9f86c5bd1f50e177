// Preload: `node --require @tracecart/tracing/register main.js`. It must run before express,
// pg or ioredis are required so their instrumentations can patch them.
import { readTracingConfig } from './config';
import { startSdk } from './start-sdk';
import { flushTracing } from './sdk-handle';

const config = readTracingConfig(process.env);
if (!config.disabled) {
  startSdk(config);
  // A service that handles signals itself calls flushTracing() at the end of its shutdown;
  // for a process with no handler of its own, flush here and exit as the default would.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (process.listenerCount(signal) > 0) return;
      void flushTracing().finally(() => process.exit(128 + (signal === 'SIGTERM' ? 15 : 2)));
    });
  }
}
