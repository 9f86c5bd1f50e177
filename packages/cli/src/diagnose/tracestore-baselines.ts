import type { BaselineKey, BaselinePlacement, BaselineSource } from './baseline-source';

/** The lab trace store's baselines routes, beside /api/v3 on its query port (real Jaeger has none). */
export const TRACESTORE_BASELINES_PATH = '/api/lab/baselines';
const TIMEOUT_MS = 10_000;

/** The trace store answered something other than a baseline. */
export class BaselineRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BaselineRequestError';
  }
}

async function getJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new BaselineRequestError(0, `no answer from ${new URL(url).origin} (${cause ?? (error as Error).message})`);
  }
  const text = await response.text();
  if (!response.ok) throw new BaselineRequestError(response.status, `${new URL(url).pathname} answered ${response.status}: ${text.trim().split('\n')[0].slice(0, 200)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new BaselineRequestError(response.status, `${new URL(url).pathname} answered with a body that is not JSON`);
  }
}

function readPlacement(body: unknown): BaselinePlacement | undefined {
  const { percentile, count, windowMs } = (body ?? {}) as { percentile?: unknown; count?: unknown; windowMs?: unknown };
  if (percentile === null && count === 0) return undefined;
  if (typeof percentile !== 'number' || typeof count !== 'number') throw new BaselineRequestError(200, `unexpected percentile answer: ${JSON.stringify(body).slice(0, 200)}`);
  // Older trace stores do not say how far back their window reaches.
  return { percentile, count, windowMs: typeof windowMs === 'number' ? windowMs : null };
}

/**
 * Whether the server at jaegerUrl serves the lab's baselines: true on an answer, false when the
 * route is absent (404/405, i.e. a real Jaeger); anything else throws a BaselineRequestError.
 */
export async function servesTracestoreBaselines(jaegerUrl: string, service: string): Promise<boolean> {
  try {
    await getJson(`${jaegerUrl}${TRACESTORE_BASELINES_PATH}?${new URLSearchParams({ service })}`);
    return true;
  } catch (error) {
    if (error instanceof BaselineRequestError && (error.status === 404 || error.status === 405)) return false;
    throw error;
  }
}

/** Baselines the trace store keeps as spans arrive: one request per placement. */
export function createTracestoreBaselines(jaegerUrl: string): BaselineSource {
  return {
    async percentileOf(key: BaselineKey, durationMs: number) {
      const params = new URLSearchParams({ service: key.service, operation: key.operation, durationMs: String(durationMs) });
      if (key.statement !== undefined) params.set('statement', key.statement);
      return readPlacement(await getJson(`${jaegerUrl}${TRACESTORE_BASELINES_PATH}/percentile?${params}`));
    },
    origin: () => ({ kind: 'tracestore' }),
  };
}
