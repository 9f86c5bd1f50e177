import type { z } from 'zod';
import { JaegerQueryError } from './jaeger-query-error';
import { gatewayError } from './response-schemas';

/** A 2xx answer with its JSON body, or Jaeger's own "not found" (404 in its error shape). */
export type JaegerAnswer = { found: true; status: number; body: unknown } | { found: false };

interface RawAnswer {
  status: number;
  text: string;
}

// Duck-typed rather than instanceof: fetch's errors may come from another realm (e.g. under jest).
interface FetchFailure {
  name?: string;
  message?: string;
  cause?: { code?: string };
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as FetchFailure;
  if (failure.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (failure.cause?.code) return `cannot connect (${failure.cause.code})`;
  return failure.message ?? String(error);
}

async function fetchText(url: string, path: string, timeoutMs: number): Promise<RawAnswer> {
  try {
    // The signal also bounds reading the body, not only the headers.
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    throw new JaegerQueryError(0, describeFetchFailure(error, timeoutMs), path);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: the callers report the raw text instead.
    return undefined;
  }
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line || '(empty body)';
}

/**
 * GETs a query API path. A 404 counts as "not found" only in Jaeger's error shape, so a wrong
 * base URL (a plain-text 404 from some other server) still surfaces as an error.
 */
export async function getFromJaeger(root: string, path: string, params: URLSearchParams | undefined, timeoutMs: number): Promise<JaegerAnswer> {
  const query = params && params.size > 0 ? `?${params.toString()}` : '';
  const { status, text } = await fetchText(root + path + query, path, timeoutMs);
  const body = parseJson(text);
  if (status >= 200 && status < 300) {
    if (body === undefined) throw new JaegerQueryError(status, `answered with a body that is not JSON: ${firstLine(text)}`, path);
    return { found: true, status, body };
  }
  const error = gatewayError.safeParse(body);
  if (status === 404 && error.success) return { found: false };
  throw new JaegerQueryError(status, error.success ? error.data.error.message : firstLine(text), path);
}

/** Validates a 2xx body against its schema; a mismatch is a JaegerQueryError naming the field. */
export function parseAnswer<S extends z.ZodType>(schema: S, status: number, body: unknown, path: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  throw new JaegerQueryError(status, `answered with an unexpected shape at ${where}: ${issue?.message ?? 'invalid'}`, path);
}
