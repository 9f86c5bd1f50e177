import { z } from 'zod';
import { fixAttributeOf } from '@tracecart/contracts';

const rate = z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1');

/** Each switch and the value it accepts. */
export const flagSchemas = {
  'fix.index': z.boolean(),
  'fix.cache': z.boolean(),
  'fix.batch': z.boolean(),
  'chaos.latency': z.strictObject({ ms: z.number().int().min(0).max(60_000), rate }),
  'chaos.errors': z.strictObject({ rate }),
} as const;

/** A switch's name. */
export type FlagName = keyof typeof flagSchemas;

/** The value of every switch. */
export type FlagValues = { [K in FlagName]: z.infer<(typeof flagSchemas)[K]> };

/** Every switch's name, in display order. */
export const FLAG_NAMES = Object.keys(flagSchemas) as FlagName[];

/** Everything off: the state of a fresh lab. */
export const DEFAULT_FLAGS: Readonly<FlagValues> = Object.freeze({
  'fix.index': false,
  'fix.cache': false,
  'fix.batch': false,
  'chaos.latency': { ms: 0, rate: 0 },
  'chaos.errors': { rate: 0 },
});

/** True when name is a known switch. */
export function isFlagName(name: string): name is FlagName {
  return Object.prototype.hasOwnProperty.call(flagSchemas, name);
}

type FixName = Extract<FlagName, `fix.${string}`>;

const FIX_NAMES = FLAG_NAMES.filter((name): name is FixName => name.startsWith('fix.'));

/** The span attributes that record the fix switches (lab.fix.*), for searching traces before/after. */
export function fixAttributes(flags: FlagValues): Record<string, boolean> {
  return Object.fromEntries(FIX_NAMES.map((name) => [fixAttributeOf(name), flags[name]]));
}
