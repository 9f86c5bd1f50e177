const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Bytes of a compose memory size such as 512m, 1g, 1.5gb or a plain byte count. Throws when unreadable. */
export function parseMemorySize(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new Error(`"${value}" is not a memory size (use e.g. 256m or 1g)`);
  return Math.round(Number(match[1]) * unit);
}

/** A byte count in whole MiB, the unit compose limits are usually written in. */
export function toMiB(bytes: number): number {
  return Math.round(bytes / 1024 ** 2);
}
