import type { Pool, PoolClient } from 'pg';
import { DEFAULT_FLAGS, FLAG_NAMES, flagSchemas, isFlagName, type FlagName, type FlagValues } from './definitions';

/** A write that names no switch or gives it a value it does not accept. */
export class FlagError extends Error {
  constructor(
    readonly kind: 'unknown_flag' | 'invalid_value',
    message: string,
  ) {
    super(message);
    this.name = 'FlagError';
  }
}

/** The wanted value of every switch, as stored; unknown or broken rows fall back to the default. */
export async function readWantedFlags(pool: Pool): Promise<FlagValues> {
  const { rows } = await pool.query<{ name: string; value: unknown }>('SELECT name, value FROM lab_flags');
  const flags: Record<string, unknown> = { ...DEFAULT_FLAGS };
  for (const row of rows) {
    if (!isFlagName(row.name)) continue;
    const parsed = flagSchemas[row.name].safeParse(row.value);
    if (parsed.success) flags[row.name] = parsed.data;
  }
  return flags as FlagValues;
}

/** Checks a value for a switch; throws FlagError naming what is wrong. */
export function validateFlag(name: string, value: unknown): { name: FlagName; value: FlagValues[FlagName] } {
  if (!isFlagName(name)) throw new FlagError('unknown_flag', `no switch named "${name}"; switches: ${FLAG_NAMES.join(', ')}`);
  const parsed = flagSchemas[name].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${name}.${issue.path.join('.')}` : name;
    throw new FlagError('invalid_value', `${where}: ${issue.message}`);
  }
  return { name, value: parsed.data };
}

/** Stores a switch's wanted value; the table's trigger notifies every service (on COMMIT, inside a transaction). */
export async function writeFlag(pool: Pool | PoolClient, name: string, value: unknown): Promise<void> {
  const flag = validateFlag(name, value);
  await pool.query(
    `INSERT INTO lab_flags (name, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [flag.name, JSON.stringify(flag.value)],
  );
}

/** Tells every service to re-read the switches (e.g. when an index build finished). */
export async function announceFlagChange(pool: Pool, what: string): Promise<void> {
  await pool.query(`SELECT pg_notify('lab_flags', $1)`, [what]);
}
