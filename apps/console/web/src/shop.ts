import { callApi } from './api';
import { h, panelHeader, replaceChildren } from './dom';
import { formatMs, shortId } from './format';
import { defaultItemsText, describeItems, formatSku, longTailItems, parseItems, pickLongTail, type CartItem } from './shop-items';
import type { PageContext } from './page-context';

interface CheckoutBody {
  orderId?: string;
  totalCents?: number;
  traceId?: string;
  error?: { code: string; message: string; traceId?: string };
}

const MAX_RESULTS = 12;

function traceIdOf(body: CheckoutBody | undefined, headers: Headers): string | undefined {
  const fromHeader = /^00-([0-9a-f]{32})-/.exec(headers.get('traceresponse') ?? '')?.[1];
  return body?.traceId ?? body?.error?.traceId ?? fromHeader;
}

function latencyOf(headers: Headers, fallbackMs: number): number {
  const match = /gateway;dur=([\d.]+)/.exec(headers.get('server-timing') ?? '');
  return match ? Number(match[1]) : fallbackMs;
}

function outcomeText(status: number, body: CheckoutBody | undefined): string {
  if (status === 201 && body?.totalCents !== undefined) return `order ${body.orderId?.slice(0, 8) ?? ''} · $${(body.totalCents / 100).toFixed(2)}`;
  return body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${status}`;
}

function resultLine(ctx: PageContext, items: CartItem[], status: number, latencyMs: number, body: CheckoutBody | undefined, traceId: string | undefined): HTMLElement {
  const kind = status >= 500 || status === 0 ? 'bad' : status >= 400 ? 'warn' : 'good';
  const jaegerUrl = traceId ? ctx.jaegerTraceUrl(traceId) : undefined;
  return h(
    'li',
    { class: 'result', 'data-trace-id': traceId ?? '' },
    h('span', { class: `badge ${kind}`, text: status || 'no answer' }),
    h('span', { class: 'latency', text: formatMs(latencyMs) }),
    h('span', { class: 'what', title: items.map((i) => `${i.sku} ×${i.quantity}`).join('\n'), text: describeItems(items) }),
    h('span', { class: 'outcome', text: outcomeText(status, body) }),
    traceId ? h('button', { type: 'button', class: 'link open-waterfall', onclick: () => ctx.openWaterfall(traceId), text: `waterfall ${shortId(traceId)}` }) : null,
    jaegerUrl ? h('a', { href: jaegerUrl, target: '_blank', rel: 'noopener', text: 'Jaeger ↗' }) : null,
  );
}

interface ShopParts {
  customer: HTMLInputElement;
  results: HTMLElement;
  problem: HTMLElement;
}

/** Places one checkout and puts its result line on top of the list. */
async function checkout(ctx: PageContext, parts: ShopParts, items: CartItem[]): Promise<void> {
  parts.problem.textContent = '';
  const started = performance.now();
  let answer;
  try {
    answer = await callApi<CheckoutBody>('/api/checkout', 'POST', { customerId: parts.customer.value.trim() || 'c-42', items });
  } catch (error) {
    parts.problem.textContent = (error as Error).message;
    return;
  }
  const traceId = traceIdOf(answer.body, answer.headers);
  parts.results.prepend(resultLine(ctx, items, answer.status, latencyOf(answer.headers, performance.now() - started), answer.body, traceId));
  while (parts.results.children.length > MAX_RESULTS) parts.results.lastElementChild?.remove();
  ctx.checkoutPlaced();
}

function presetButtons(ctx: PageContext, buy: (items: CartItem[]) => void): HTMLElement {
  const preset = (id: string, label: string, hint: string, items: () => CartItem[]) => h('button', { type: 'button', class: 'preset', id, title: hint, onclick: () => buy(items()) }, label);
  return h(
    'div',
    { class: 'presets' },
    // Each preset places its checkout at once, and says so on the button.
    preset('preset-popular', 'Check out: popular SKU', 'places a checkout of SKU-0000042, one of the best sellers', () => [{ sku: formatSku(42), quantity: 1 }]),
    preset('preset-longtail', 'Check out: long-tail SKU', 'places a checkout of one SKU from the far end of the catalog', () => [{ sku: formatSku(pickLongTail(ctx.lab.catalogSize)), quantity: 1 }]),
    preset('preset-five', 'Check out: 5 items', 'places a checkout of five long-tail SKUs in one order: watch the N+1', () => longTailItems(ctx.lab.catalogSize, 5)),
  );
}

/** The shop: presets and a free form that place checkouts, and one result line per checkout. */
export function mountShop(root: HTMLElement, ctx: PageContext): void {
  const parts: ShopParts = {
    customer: h('input', { id: 'customer', value: 'c-42', size: 8, 'aria-label': 'customer id' }),
    results: h('ol', { class: 'results', id: 'shop-results' }),
    problem: h('p', { class: 'problem', role: 'alert' }),
  };
  const buy = (items: CartItem[]) => void checkout(ctx, parts, items);
  // A real value, not a grey placeholder that looks filled in and then answers "name at least one SKU".
  const free = h('input', { id: 'free-items', class: 'grow', value: defaultItemsText(ctx.lab.catalogSize), 'aria-label': 'items (SKU-0000042 x2, or a catalog number)' });
  const submitFreeForm = (e: Event) => {
    e.preventDefault();
    try {
      buy(parseItems(free.value));
    } catch (error) {
      parts.problem.textContent = (error as Error).message;
    }
  };
  replaceChildren(
    root,
    panelHeader('1', 'Shop', 'Place checkouts; each line links to its trace.'),
    presetButtons(ctx, buy),
    h('form', { class: 'row', onsubmit: submitFreeForm }, h('label', { class: 'field' }, 'customer', parts.customer), free, h('button', { type: 'submit', text: 'Check out' })),
    parts.problem,
    parts.results,
    h('p', { class: 'hint empty-note', text: 'No checkouts yet. Try a preset.' }),
  );
}
