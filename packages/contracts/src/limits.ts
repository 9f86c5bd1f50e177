/** Bounds of a checkout request; the README documents the same numbers. */
export const LIMITS = Object.freeze({
  maxLineItems: 50,
  maxQuantity: 1000,
  maxCustomerIdLength: 64,
  maxIdempotencyKeyLength: 128,
});

/** SKUs are "SKU-" and seven digits; the seed numbers them from 1. */
export const SKU_PATTERN = /^SKU-\d{7}$/;

/** Formats catalog number n as its SKU. */
export function skuOf(n: number): string {
  return `SKU-${String(n).padStart(7, '0')}`;
}
