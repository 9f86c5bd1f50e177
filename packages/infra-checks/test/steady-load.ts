// A bounded, steady stream of requests for live tests: one request every 1000/perSecond ms
// (open model: it does not wait for earlier answers), stopping itself at maxRequests or maxMs.

/** What the load saw so far, by HTTP status (0 for a request that got no answer). */
export interface SteadyLoad {
  statuses: Map<number, number>;
  /** Stops sending and waits for the requests in flight. */
  stop(): Promise<void>;
}

/** Starts calling `send` at `perSecond`; each call resolves to the status it got. */
export function startSteadyLoad(options: { perSecond: number; maxRequests: number; maxMs: number; send: (i: number) => Promise<number> }): SteadyLoad {
  const statuses = new Map<number, number>();
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  const record = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const tick = () => {
    if (sent >= options.maxRequests) return clearInterval(timer);
    // No answer at all (connection refused or reset) is a failed request too: counted as 0, not thrown.
    const request = options
      .send(sent++)
      .then(record, () => record(0))
      .then(() => void inFlight.delete(request));
    inFlight.add(request);
  };
  const timer = setInterval(tick, 1000 / options.perSecond);
  const deadline = setTimeout(() => clearInterval(timer), options.maxMs);
  return {
    statuses,
    async stop() {
      clearInterval(timer);
      clearTimeout(deadline);
      await Promise.all([...inFlight]);
    },
  };
}
