// The preload keeps the running SDK here so services can flush it without importing the SDK.
const HANDLE_KEY = Symbol.for('tracecart.tracing.sdk');

/** What a service may do with the running SDK. */
export interface SdkHandle {
  shutdown(): Promise<void>;
}

type GlobalWithHandle = typeof globalThis & { [HANDLE_KEY]?: SdkHandle };

/** Remembers the SDK started by the preload. */
export function storeSdkHandle(handle: SdkHandle): void {
  (globalThis as GlobalWithHandle)[HANDLE_KEY] = handle;
}

/** Flushes and stops tracing; a no-op when the preload did not run. Call last on shutdown. */
export async function flushTracing(): Promise<void> {
  const handle = (globalThis as GlobalWithHandle)[HANDLE_KEY];
  if (!handle) return;
  delete (globalThis as GlobalWithHandle)[HANDLE_KEY];
  await handle.shutdown();
}
