import { listenOnLoopback } from './listen';

/** Asks the OS for a free 127.0.0.1 port (a server the test owns keeps it across restarts). */
export async function freeLoopbackPort(): Promise<number> {
  const probe = await listenOnLoopback(() => undefined);
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}
