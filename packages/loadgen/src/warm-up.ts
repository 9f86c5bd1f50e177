import type { HttpSender } from './http-sender';
import type { RequestOutcome } from './outcome';
import type { LoadRequest } from './types';

const ignore = (): void => undefined;

/** Sends `count` GETs to `path` through `sender`, `concurrency` at a time, giving up after `timeoutMs` in all. */
export async function warmUp(sender: HttpSender, path: string, count: number, concurrency: number, timeoutMs: number): Promise<void> {
  const request: LoadRequest = { method: 'GET', path };
  let remaining = count;
  const deadline = Date.now() + timeoutMs;
  // The same send path the run uses, so what V8 optimises here is what the run executes.
  const sendOne = (): Promise<RequestOutcome> =>
    new Promise((resolve) => sender.send(request, { isSuccess: () => true, onDispatch: ignore, onOutcome: resolve }, 0));
  const worker = async (): Promise<void> => {
    while (remaining-- > 0 && Date.now() < deadline) {
      // A down target shows up in the run's own errors; warm-up just stops trying.
      if ((await sendOne()).status === 'network') return;
    }
  };
  // A target that never answers would hold a worker forever; the run starts at the deadline anyway.
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  try {
    await Promise.race([Promise.all(Array.from({ length: Math.min(count, concurrency) }, worker)), expired]);
  } finally {
    clearTimeout(timer);
  }
}
