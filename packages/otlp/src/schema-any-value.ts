import { z } from 'zod';
import type { DecodedAnyValue, DecodedKeyValue, NonFiniteDouble } from './model';
import { listField, scalarField } from './schema-fields';

/** How deep arrays and kvlists may nest inside one attribute value. */
export const MAX_VALUE_DEPTH = 32;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const NON_FINITE = new Set<unknown>(['NaN', 'Infinity', '-Infinity']);

function readInt64(value: unknown): string | undefined {
  let n: bigint | undefined;
  if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) n = BigInt(value);
  else if (typeof value === 'number' && Number.isInteger(value)) n = BigInt(value);
  return n !== undefined && n >= INT64_MIN && n <= INT64_MAX ? n.toString() : undefined;
}

function readDouble(value: unknown): number | NonFiniteDouble | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : (String(value) as NonFiniteDouble);
  if (NON_FINITE.has(value)) return value as NonFiniteDouble;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function readBase64(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) return undefined;
  return Buffer.from(value, 'base64').toString('base64');
}

const optional = <T>(read: (value: unknown) => T | undefined, problem: string) => scalarField<T | undefined>(read, problem, undefined);
const scalars = {
  stringValue: optional((v) => (typeof v === 'string' ? v : undefined), 'must be a string'),
  boolValue: optional((v) => (typeof v === 'boolean' ? v : undefined), 'must be a boolean'),
  intValue: optional(readInt64, 'must be a 64-bit integer (decimal string or number)'),
  doubleValue: optional(readDouble, 'must be a number'),
  bytesValue: optional(readBase64, 'must be base64'),
};
const MEMBERS = ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'bytesValue', 'arrayValue', 'kvlistValue'] as const;

// Keeps the one member that is set; two set is a contradiction proto3 JSON refuses too.
function pickMember(value: DecodedAnyValue, ctx: z.RefinementCtx): DecodedAnyValue {
  const set = MEMBERS.filter((member) => value[member] !== undefined);
  if (set.length <= 1) return set.length === 0 ? {} : ({ [set[0]]: value[set[0]] } as DecodedAnyValue);
  ctx.addIssue({ code: 'custom', message: `sets ${set.join(' and ')}; an AnyValue holds one value` });
  return z.NEVER;
}

const tooDeep = z
  .array(z.unknown(), { error: 'must be an array' })
  .max(0, `nests deeper than ${MAX_VALUE_DEPTH} levels`)
  .nullish()
  .transform((): never[] => []);

function keyValueOf(value: z.ZodType<DecodedAnyValue>): z.ZodType<DecodedKeyValue> {
  return z.object(
    { key: z.string({ error: 'must be a string' }), value: value.nullish().transform((v) => v ?? {}) },
    { error: 'must be an object' },
  );
}

// Built level by level rather than with z.lazy, so a hostile nesting stops at the bound instead
// of exhausting the stack.
function anyValueAt(levelsLeft: number): z.ZodType<DecodedAnyValue> {
  const inner = levelsLeft > 0 ? anyValueAt(levelsLeft - 1) : undefined;
  const values = inner ? listField(inner) : tooDeep;
  const keyValues = inner ? listField(keyValueOf(inner)) : tooDeep;
  return z
    .object(
      {
        ...scalars,
        arrayValue: z.object({ values }, { error: 'must be an object' }).nullish().transform((v) => v ?? undefined),
        kvlistValue: z.object({ values: keyValues }, { error: 'must be an object' }).nullish().transform((v) => v ?? undefined),
      },
      { error: 'must be an object' },
    )
    .transform(pickMember);
}

/** One attribute value of any kind, nested at most MAX_VALUE_DEPTH levels. */
export const anyValueSchema = anyValueAt(MAX_VALUE_DEPTH);

/** One attribute: a string key and a value (absent is the empty value). */
export const keyValueSchema = keyValueOf(anyValueSchema);

/** An attribute list; absent is empty. */
export const attributesField = listField(keyValueSchema);
