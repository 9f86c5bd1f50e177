import { z } from 'zod';

// Building blocks of the OTLP/JSON schema. Proto3 JSON leaves out zero values, empty strings and
// empty lists, so an absent (or null) field decodes to its default rather than failing.

/**
 * A field that `read` turns into T, or refuses by returning undefined; absent gives `fallback`.
 * A bare transform, not `z.unknown().optional().transform()`: each of those wraps the field in
 * two more schemas (a pipe and an optional) that every span's 16 scalars would walk through.
 */
export function scalarField<T>(read: (value: unknown) => T | undefined, problem: string, fallback: T) {
  return z.transform((value: unknown, ctx): T => {
    if (value === undefined || value === null) return fallback;
    const out = read(value);
    if (out !== undefined) return out;
    ctx.issues.push({ code: 'custom', message: problem, input: value });
    return z.NEVER;
  });
}

/** A repeated field: absent is an empty list. */
export function listField<T extends z.ZodType>(item: T) {
  return z
    .array(item, { error: 'must be an array' })
    .nullish()
    .transform((list): z.output<T>[] => list ?? []);
}

/** A message field: absent decodes like an empty object, so its fields get their defaults. */
export function messageField<S extends z.ZodRawShape>(shape: S) {
  const message = z.object(shape, { error: 'must be an object' });
  return message.nullish().transform((value) => value ?? message.parse({}));
}

/** A string field; absent is ''. */
export const stringField = scalarField((value) => (typeof value === 'string' ? value : undefined), 'must be a string', '');

function readUint32(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : undefined;
}

/** A uint32 or fixed32 (counts, flags), as a number or a decimal string; absent is 0. */
export const uint32Field = scalarField(readUint32, 'must be an integer from 0 to 4294967295', 0);

const UINT64_MAX = 2n ** 64n - 1n;

function readUint64(value: unknown): bigint | undefined {
  let n: bigint | undefined;
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) n = BigInt(value);
  else if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 64) n = BigInt(value);
  return n !== undefined && n <= UINT64_MAX ? n : undefined;
}

/** A fixed64 nanosecond time, as a decimal string or a number; absent is 0. */
export const uint64Field = scalarField(readUint64, 'must be a non-negative 64-bit integer (decimal string or number)', 0n);

/** An enum by number (0..names.length-1) or by its proto name, as proto3 JSON allows; absent is 0. */
export function enumField(typeName: string, names: readonly string[]) {
  const max = names.length - 1;
  const read = (value: unknown) => {
    if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= max ? value : undefined;
    const index = typeof value === 'string' ? names.indexOf(value) : -1;
    return index >= 0 ? index : undefined;
  };
  return scalarField(read, `must be an integer from 0 to ${max} or a ${typeName} name`, 0);
}
