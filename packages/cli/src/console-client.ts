import { UsageError } from './command';

/** Where the console's control API listens: CONSOLE_URL or the lab default. */
export function consoleUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.CONSOLE_URL ?? 'http://127.0.0.1:8088').replace(/\/+$/, '');
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

/** Calls the console API with the admin token when set; an error answer becomes an Error with its message. */
export async function callConsole<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (process.env.LAB_ADMIN_TOKEN) headers.authorization = `Bearer ${process.env.LAB_ADMIN_TOKEN}`;
  let res: Response;
  try {
    res = await fetch(`${consoleUrl()}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new Error(`the console at ${consoleUrl()} did not answer (${(error as Error).message}); is the lab running?`);
  }
  const body = (await res.json()) as T & ErrorBody;
  if (!res.ok) {
    const message = body.error?.message ?? `HTTP ${res.status}`;
    throw res.status === 400 || res.status === 404 ? new UsageError(message) : new Error(message);
  }
  return body;
}
