// The shop's item choices: presets that show the lab's patterns, and the free-form parser.

/** One line of a checkout. */
export interface CartItem {
  sku: string;
  quantity: number;
}

/** The lab's SKU for catalog number n. */
export function formatSku(n: number): string {
  return `SKU-${String(n).padStart(7, '0')}`;
}

/** A random catalog number from the last tenth of the catalog: rarely bought, never cached. */
export function pickLongTail(catalogSize: number): number {
  const tail = Math.max(1, Math.floor(catalogSize / 10));
  return catalogSize - Math.floor(Math.random() * tail);
}

/** `count` distinct long-tail SKUs, one of each. */
export function longTailItems(catalogSize: number, count: number): CartItem[] {
  const numbers = new Set<number>();
  for (let tries = 0; numbers.size < count && tries < count * 20; tries++) numbers.add(pickLongTail(catalogSize));
  return [...numbers].map((n) => ({ sku: formatSku(n), quantity: 1 }));
}

/**
 * The items box's starting text: the README's three SKUs (SKU-0000042 x2, SKU-0912345, SKU-0500000)
 * on the default catalog of 1,000,000, scaled to the same places in a smaller one so they exist.
 */
export function defaultItemsText(catalogSize: number): string {
  const at = (fraction: number) => formatSku(Math.max(1, Math.min(catalogSize, Math.round(catalogSize * fraction))));
  return `${formatSku(42)} x2, ${at(0.912345)}, ${at(0.5)}`;
}

/**
 * Reads `SKU-0000042 x2, 42, SKU-0999999` (a bare number is a catalog number; `xN` a quantity).
 * Throws with a message naming the part it cannot read.
 */
export function parseItems(text: string): CartItem[] {
  const parts = text.split(/[,\n;]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error('name at least one SKU, e.g. SKU-0000042 x2');
  return parts.map((part) => {
    const match = /^(?:(SKU-\d{7})|(\d{1,7}))(?:\s*[x×*]\s*(\d{1,4}))?$/i.exec(part);
    if (!match) throw new Error(`cannot read "${part}": use SKU-0000042 x2 or a catalog number`);
    const sku = match[1] ? match[1].toUpperCase() : formatSku(Number(match[2]));
    return { sku, quantity: match[3] ? Number(match[3]) : 1 };
  });
}

/** Items as one short line: `SKU-0000042 ×2, SKU-0999999`. */
export function describeItems(items: CartItem[]): string {
  const shown = items.slice(0, 3).map((i) => (i.quantity > 1 ? `${i.sku} ×${i.quantity}` : i.sku));
  return items.length > 3 ? `${shown.join(', ')} +${items.length - 3} more` : shown.join(', ');
}
