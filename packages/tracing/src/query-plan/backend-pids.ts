/** The part of pg's wire-level Connection used here. */
interface WireConnection {
  on(event: 'backendKeyData', listener: (message: { processID: number }) => void): unknown;
}

type Attach = (this: WireConnection, ...args: unknown[]) => unknown;

const PIDS = new WeakMap<object, number>();
const TRACKED = Symbol('backend pid tracker');

/**
 * Remembers each wire connection's backend pid (what pg's Client keeps as `processID`) by
 * listening for the server's BackendKeyData as the connection attaches its stream: the pg
 * instrumentation's hooks never see the Client, only the statement.
 */
export function trackBackendPids(Connection: { prototype: object }): void {
  const proto = Connection.prototype as { attachListeners: Attach; [TRACKED]?: true };
  if (proto[TRACKED]) return;
  proto[TRACKED] = true;
  const original = proto.attachListeners;
  proto.attachListeners = function attachListeners(this: WireConnection, ...args: unknown[]): unknown {
    this.on('backendKeyData', (message) => PIDS.set(this, message.processID));
    return original.apply(this, args);
  };
}

/** The backend pid of this wire connection, once the server told it. */
export function backendPid(connection: object): number | undefined {
  return PIDS.get(connection);
}
