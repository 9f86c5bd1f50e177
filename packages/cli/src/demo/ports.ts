import net from 'node:net';
import { DemoError } from './demo-error';

/** A port one component of the demo listens on. */
export interface PortClaim {
  port: number;
  /** Who wants it, for the message when it is taken: "gateway", "tracestore (OTLP)". */
  owner: string;
}

/** Every address the demo binds to: loopback only, since nothing in the lab has auth by default. */
export const DEMO_HOST = '127.0.0.1';

/** Resolves with the port the OS gave a listener on `port` (0 = any), or rejects with its error code. */
function tryListen(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => reject(error));
    server.listen({ port, host: DEMO_HOST, exclusive: true }, () => {
      const bound = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(bound));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port (nor on the wildcard address, which also blocks it). */
export async function isPortFree(port: number): Promise<boolean> {
  try {
    await tryListen(port);
    return true;
  } catch {
    return false;
  }
}

/** Throws one DemoError naming the first port that is taken and who wanted it. */
export async function assertPortsFree(claims: readonly PortClaim[]): Promise<void> {
  for (const claim of claims) {
    try {
      await tryListen(claim.port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new DemoError(`port ${claim.port} (${claim.owner}) is already in use`);
      throw new DemoError(`cannot listen on port ${claim.port} (${claim.owner}): ${code ?? (error as Error).message}`);
    }
  }
}

/** The first free port of `preferred`, else any free port the OS hands out. */
export async function pickFreePort(preferred: readonly number[]): Promise<number> {
  for (const port of preferred) {
    if (await isPortFree(port)) return port;
  }
  return tryListen(0);
}
