// One colour per service, the same in the waterfall, its legend and the tables.
const KNOWN: Record<string, string> = {
  gateway: '#4c78a8',
  order: '#e8871e',
  inventory: '#3f9b4a',
  console: '#9d6fb0',
};
const SPARE = ['#d1495b', '#00798c', '#8f6b3e', '#5c6bc0', '#c2185b', '#7cb342'];

/** The colour of a service: fixed for the lab's services, stable for any other name. */
export function serviceColor(service: string): string {
  if (KNOWN[service]) return KNOWN[service];
  let hash = 0;
  for (const char of service) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return SPARE[hash % SPARE.length];
}
