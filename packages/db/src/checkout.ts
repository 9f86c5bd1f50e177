import type { Pool, PoolClient } from 'pg';

/** Marks the checked-out client as unfit for reuse; it is then closed instead of pooled. */
export type DiscardClient = (reason: Error) => void;

/**
 * Runs fn on one pooled client and gives it back. A client whose connection failed while it
 * was out, or that fn marked with `discard`, is released with the error (`release(err)`), so
 * the pool closes it rather than hand a dead or half-used session to the next caller.
 */
export async function withClient<T>(pool: Pool, fn: (client: PoolClient, discard: DiscardClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const discard: DiscardClient = (reason) => {
    broken ??= reason;
  };
  // Also what keeps a connection error while the client is out from crashing the process.
  client.on('error', discard);
  try {
    return await fn(client, discard);
  } finally {
    client.removeListener('error', discard);
    client.release(broken);
  }
}
