/** A request to stop, by signal. */
export interface StopListener {
  /** Resolves with the first SIGINT, SIGTERM or SIGHUP. */
  requested: Promise<NodeJS.Signals>;
  /** Removes the handlers (so the process can exit once everything is closed). */
  dispose(): void;
}

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Takes over Ctrl-C and friends: the first one resolves `requested`, later ones call `onRepeat`. */
export function listenForStop(onRepeat: (signal: NodeJS.Signals) => void): StopListener {
  let received = false;
  let resolveRequested: (signal: NodeJS.Signals) => void = () => undefined;
  const requested = new Promise<NodeJS.Signals>((resolve) => (resolveRequested = resolve));
  const handler = (signal: NodeJS.Signals) => {
    if (received) return onRepeat(signal);
    received = true;
    resolveRequested(signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, handler);
  return {
    requested,
    dispose: () => STOP_SIGNALS.forEach((signal) => process.off(signal, handler)),
  };
}
