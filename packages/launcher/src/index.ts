export { launchService } from './launch-service';
export type { LaunchOptions, LaunchedService } from './launch-service';
export { LaunchError } from './launch-error';
export type { OutputStream } from './output-lines';
export { readReadyMessage, sendReady } from './ready-message';
export type { ReadyMessage } from './ready-message';
export { TRACING_PRELOAD } from './preloads';
