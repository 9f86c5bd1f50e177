import path from 'node:path';
import { launchService, TRACING_PRELOAD, type LaunchedService } from '@tracecart/launcher';
import { formatLogLine } from './log-line';
import type { Progress } from './progress';

/** One app to run: its package folder, its environment, and whether it gets the tracing preload. */
export interface ServiceSpec {
  name: string;
  packageDir: string;
  /** The file in the package's dist/ to run; main.js when omitted (the carrier stub's is carrier-main.js). */
  entry?: string;
  env: Record<string, string>;
  traced: boolean;
}

/** A service running as a child process of the demo. */
export type ChildService = LaunchedService;

/**
 * Starts an app and resolves once it reports ready; every line it prints goes to `progress`.
 * Rejects with the launcher's LaunchError (naming it and its last lines) when it does not get there.
 */
export function startChildService(spec: ServiceSpec, progress: Progress): Promise<ChildService> {
  return launchService({
    name: spec.name,
    main: path.join(spec.packageDir, 'dist', spec.entry ?? 'main.js'),
    cwd: spec.packageDir,
    env: spec.env,
    preload: spec.traced ? [TRACING_PRELOAD] : [],
    // Its own process group: a Ctrl-C in the terminal reaches only the demo, which then stops
    // the services in order, so their last spans still find the tracestore up.
    detached: true,
    // A demo killed without stopping it (kill -9, a crash) must not leave it holding its port.
    stopWithLauncher: true,
    onLine: (line) => progress.child(spec.name, formatLogLine(line)),
  });
}
