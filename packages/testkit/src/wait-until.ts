/** Polls `check` every `intervalMs` until it is true; rejects naming `what` after `timeoutMs`. A bound, not a timing assertion. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
