import type { RandomSource } from './random';
import { CHECKOUT_MIXES, type CheckoutMix, type LoadRequest, type RequestFactory } from './types';

/** How many of the first catalog SKUs count as popular. */
export const POPULAR_SKU_COUNT = 100;
/** How many of the first catalog SKUs a flash sale sells: every checkout of it contends for them. */
export const FLASH_SKU_COUNT = 3;
/** Share of mixed-mix items drawn from the popular SKUs. */
export const MIXED_POPULAR_SHARE = 0.8;
/** The seeded catalog size the lab uses unless configured otherwise. */
export const DEFAULT_CATALOG_SIZE = 1_000_000;
const MAX_SKU_NUMBER = 9_999_999;
// Frozen and shared, so the sender can add its baggage header once instead of per request.
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

/** Options of the checkout request factory. */
export interface CheckoutFactoryOptions {
  mix?: CheckoutMix;
  /** Distinct SKUs per checkout. */
  items?: number;
  catalogSize?: number;
  quantity?: number;
  /** Customer ids cycle through c-1 .. c-<customers>. */
  customers?: number;
  random?: RandomSource;
}

/** Formats a catalog number as the lab's SKU: `SKU-` and 7 digits. */
export function formatSku(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SKU_NUMBER) throw new RangeError(`SKU number ${n} is out of range`);
  return `SKU-${String(n).padStart(7, '0')}`;
}

/** Draws one catalog number (1-based) for a mix. */
export function pickSkuNumber(mix: CheckoutMix, catalogSize: number, random: RandomSource): number {
  if (mix === 'flash') return 1 + Math.floor(random() * Math.min(FLASH_SKU_COUNT, catalogSize));
  const popular = Math.min(POPULAR_SKU_COUNT, catalogSize);
  const fromPopular = mix === 'popular' || (mix === 'mixed' && random() < MIXED_POPULAR_SHARE);
  return 1 + Math.floor(random() * (fromPopular ? popular : catalogSize));
}

/** Draws `count` distinct catalog numbers for a mix. */
export function pickDistinctSkuNumbers(mix: CheckoutMix, count: number, catalogSize: number, random: RandomSource): number[] {
  // The common one-item checkout: the same single draw, without a Set.
  if (count === 1) return [pickSkuNumber(mix, catalogSize, random)];
  const picked = new Set<number>();
  // Draws are bounded; the fallback only matters for a pathological random source.
  for (let attempt = 0; picked.size < count && attempt < count * 50; attempt++) {
    picked.add(pickSkuNumber(mix, catalogSize, random));
  }
  for (let n = 1; picked.size < count; n++) picked.add(n);
  return [...picked];
}

/** `POST /api/checkout` with `{customerId, items:[{sku, quantity}]}`; only 201 counts as success. */
export function createCheckoutFactory(options: CheckoutFactoryOptions = {}): RequestFactory {
  const settings = validateCheckoutOptions(options);
  const random = options.random ?? Math.random;
  return {
    name: `checkout(mix=${settings.mix}, items=${settings.items})`,
    createRequest(index: number): LoadRequest {
      const numbers = pickDistinctSkuNumbers(settings.mix, settings.items, settings.catalogSize, random);
      const body = formatCheckoutBody(1 + (index % settings.customers), numbers, settings.quantity);
      return { method: 'POST', path: '/api/checkout', headers: JSON_HEADERS, body };
    },
    isSuccess: (status: number) => status === 201,
  };
}

/**
 * The JSON.stringify of `{customerId, items:[{sku, quantity}]}`, written out directly because it
 * runs for every request: every value is digits behind a fixed ASCII prefix, so nothing needs escaping.
 */
function formatCheckoutBody(customer: number, numbers: number[], quantity: number): string {
  let items = '';
  for (let i = 0; i < numbers.length; i++) {
    items += `${i === 0 ? '' : ','}{"sku":"${formatSku(numbers[i])}","quantity":${quantity}}`;
  }
  return `{"customerId":"c-${customer}","items":[${items}]}`;
}

function validateCheckoutOptions(options: CheckoutFactoryOptions): Required<Omit<CheckoutFactoryOptions, 'random'>> {
  const settings = {
    mix: options.mix ?? 'popular',
    items: options.items ?? 1,
    catalogSize: options.catalogSize ?? DEFAULT_CATALOG_SIZE,
    quantity: options.quantity ?? 1,
    customers: options.customers ?? 1000,
  };
  requireInteger('catalogSize', settings.catalogSize, 1, MAX_SKU_NUMBER);
  if (!isCheckoutMix(settings.mix)) throw new RangeError(`mix must be popular, longtail, mixed or flash, not "${settings.mix}"`);
  requireInteger('items', settings.items, 1, maxItemsOf(settings.mix, settings.catalogSize));
  requireInteger('quantity', settings.quantity, 1, 1_000_000);
  requireInteger('customers', settings.customers, 1, 1_000_000_000);
  return settings;
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not ${value}`);
  }
}

/** The most distinct SKUs one checkout of a mix can hold. */
export function maxItemsOf(mix: CheckoutMix, catalogSize: number): number {
  return Math.min(mix === 'flash' ? FLASH_SKU_COUNT : POPULAR_SKU_COUNT, catalogSize);
}

/** True for the mixes the checkout factory knows. */
export function isCheckoutMix(value: string): value is CheckoutMix {
  return (CHECKOUT_MIXES as readonly string[]).includes(value);
}
