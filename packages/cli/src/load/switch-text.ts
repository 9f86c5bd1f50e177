/** A switch value as the lab's commands print it: on/off, or `key=value` pairs for chaos settings. */
export function formatSwitchValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
  }
  return String(value);
}
