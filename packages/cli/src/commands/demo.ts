import type { Command } from '../command';
import { DEMO_USAGE, readDemoOptions } from '../demo/demo-options';
import { createProgress } from '../demo/progress';
import { runDemo } from '../demo/run-demo';

/** `lab demo`: the whole lab on this machine, no Docker; Ctrl-C stops it. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the whole lab here (embedded Postgres, tracestore, apps) until Ctrl-C',
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(`${DEMO_USAGE}\n\nenv: CATALOG_SIZE (default 1000000), DATABASE_URL (else embedded PostgreSQL), REDIS_URL, LAB_DATA_DIR`);
      return 0;
    }
    return runDemo(readDemoOptions(args, process.env), createProgress(process.stdout));
  },
};
