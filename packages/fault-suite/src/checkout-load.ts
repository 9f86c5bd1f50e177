/** One checkout the load sent and what came back (status 0: no answer at all). */
export interface CheckoutAnswer {
  status: number;
  body: unknown;
  /** Lines in the request, to check the order's items against. */
  lines: number;
  sentAt: number;
  receivedAt: number;
}

/** Constant-rate checkouts against a gateway, bounded in count and time. */
export interface CheckoutLoad {
  answers: CheckoutAnswer[];
  /** Stops sending and resolves once every checkout in flight has its answer. */
  stop(): Promise<void>;
}

/** How much load, and its bounds: it stops itself at whichever comes first. */
export interface LoadSettings {
  gatewayUrl: string;
  ratePerSecond: number;
  maxRequests: number;
  maxMs: number;
  /** SKUs are spread over 1..catalogSize. */
  catalogSize: number;
}

// A checkout that outlives this has hung somewhere: it is recorded as status 0, not waited for.
const REQUEST_TIMEOUT_MS = 15_000;
// Past this many in flight the load skips a beat rather than piling up on a stalled stack.
const MAX_IN_FLIGHT = 64;

const sku = (n: number) => `SKU-${String(n).padStart(7, '0')}`;

function checkoutBody(n: number, catalogSize: number) {
  // Every third checkout has two lines, so orders with several items are checked too.
  const items = [{ sku: sku(1 + (n % catalogSize)), quantity: 1 }];
  if (n % 3 === 0) items.push({ sku: sku(1 + ((n * 7 + 3) % catalogSize)), quantity: 1 });
  if (items.length === 2 && items[0].sku === items[1].sku) items.pop();
  return { customerId: `fault-${n}`, items };
}

async function sendCheckout(url: string, n: number, catalogSize: number): Promise<CheckoutAnswer> {
  const body = checkoutBody(n, catalogSize);
  const sentAt = Date.now();
  try {
    const response = await fetch(`${url}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const parsed: unknown = text.startsWith('{') ? JSON.parse(text) : text;
    return { status: response.status, body: parsed, lines: body.items.length, sentAt, receivedAt: Date.now() };
  } catch (error) {
    return { status: 0, body: String(error), lines: body.items.length, sentAt, receivedAt: Date.now() };
  }
}

/** Starts sending checkouts at a constant rate; every answer lands in `answers`. */
export function startCheckoutLoad(settings: LoadSettings): CheckoutLoad {
  const answers: CheckoutAnswer[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  let sent = 0;
  const fire = () => {
    if (sent >= settings.maxRequests || Date.now() - started >= settings.maxMs) return clearInterval(timer);
    if (inFlight.size >= MAX_IN_FLIGHT) return;
    const pending = sendCheckout(settings.gatewayUrl, sent++, settings.catalogSize).then((answer) => {
      answers.push(answer);
      inFlight.delete(pending);
    });
    inFlight.add(pending);
  };
  const timer = setInterval(fire, 1000 / settings.ratePerSecond);
  const stop = async () => {
    clearInterval(timer);
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };
  return { answers, stop };
}
