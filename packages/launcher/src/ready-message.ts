/** What a service sends its launcher over IPC once it serves: its main port and every port by name. */
export interface ReadyMessage {
  ready: number;
  ports: Record<string, number>;
}

const isPort = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65_535;

/** The ready message in whatever arrived over IPC, or undefined when it is something else. */
export function readReadyMessage(message: unknown): ReadyMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { ready, ports } = message as Partial<ReadyMessage>;
  if (!isPort(ready) || typeof ports !== 'object' || ports === null) return undefined;
  return Object.values(ports).every(isPort) ? { ready, ports: { ...ports } } : undefined;
}

/**
 * Tells the launcher, when this process runs under one, that it serves. A launcher that is
 * already gone is reported to `onError`, not thrown: the service still runs.
 */
export function sendReady(message: ReadyMessage, onError: (error: Error) => void): void {
  if (!process.send) return;
  process.send(message, undefined, undefined, (error: Error | null) => {
    if (error) onError(error);
  });
}
