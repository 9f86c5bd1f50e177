/** When a service that exited on its own is started again, and when to stop trying. */
export interface RestartPolicyOptions {
  /** The wait before the first restart; doubled after each quick exit. */
  initialDelayMs: number;
  /** The longest wait between an exit and its restart. */
  maxDelayMs: number;
  /** A service that stayed up this long starts over at initialDelayMs. */
  resetAfterMs: number;
  /** More restarts than this within windowMs and the demo gives up on the service. */
  maxRestarts: number;
  windowMs: number;
}

/** The demo's policy, close to compose's `restart: unless-stopped` but giving up on a crash loop. */
export const DEMO_RESTART_POLICY: Readonly<RestartPolicyOptions> = Object.freeze({
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  resetAfterMs: 30_000,
  maxRestarts: 5,
  windowMs: 60_000,
});

/** What to do about one exit: restart after delayMs, or give up (maxRestarts already used in the window). */
export type RestartDecision = { restart: true; delayMs: number } | { restart: false; restartsInWindow: number };

/** One service's restart history; `afterExit` is asked once per exit nobody asked for. */
export interface RestartPolicy {
  afterExit(upMs: number): RestartDecision;
}

/** A policy with its own history; `now` is replaceable so the window can be reasoned about. */
export function createRestartPolicy(options: RestartPolicyOptions, now: () => number = Date.now): RestartPolicy {
  const restartTimes: number[] = [];
  let nextDelayMs = options.initialDelayMs;
  return {
    afterExit(upMs) {
      const at = now();
      if (upMs >= options.resetAfterMs) nextDelayMs = options.initialDelayMs;
      while (restartTimes.length > 0 && at - restartTimes[0] > options.windowMs) restartTimes.shift();
      if (restartTimes.length >= options.maxRestarts) return { restart: false, restartsInWindow: restartTimes.length };
      restartTimes.push(at);
      const delayMs = nextDelayMs;
      nextDelayMs = Math.min(nextDelayMs * 2, options.maxDelayMs);
      return { restart: true, delayMs };
    },
  };
}
