// Calls to the console API. Writes carry the admin token when the person has given one (the
// console asks for it only when it listens beyond loopback).

const TOKEN_KEY = 'tracecart.adminToken';

/** An answer in the error contract, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A successful answer with its headers. */
export interface ApiAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

let onUnauthorized: () => void = () => {};

/** What to do when a write is refused for want of the admin token (show the token field). */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/** Remembers the admin token for this browser tab. */
export function setAdminToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

function headersFor(method: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['content-type'] = 'application/json';
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token && method !== 'GET') headers.authorization = `Bearer ${token}`;
  return headers;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return { error: { code: 'invalid_json', message: text.slice(0, 200) } };
  }
}

/** Calls the API; any status is returned as it came, never thrown (the shop shows 4xx/5xx as results). */
export async function callApi<T>(path: string, method = 'GET', body?: unknown): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, { method, headers: headersFor(method), body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, 'no_answer', `the console did not answer (${(error as Error).message})`);
  }
  if (response.status === 401) onUnauthorized();
  return { status: response.status, body: (await readBody(response)) as T, headers: response.headers };
}

/** Calls the API and throws ApiError unless the answer is 2xx. */
export async function api<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const answer = await callApi<T & { error?: { code?: string; message?: string } }>(path, method, body);
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const error = answer.body?.error;
  throw new ApiError(answer.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${answer.status}`);
}
