/** Every generated request says so, so services and traces can tell synthetic load from people. */
export const SYNTHETIC_BAGGAGE = 'synthetic_request=true';

const NO_HEADERS: Record<string, string> = Object.freeze({});
const mergedFrozen = new WeakMap<Record<string, string>, Record<string, string>>();

/**
 * Adds `synthetic_request=true` to the request's baggage, keeping any members the factory set.
 * A frozen headers object (like the checkout factory's) is merged once and reused: it cannot change.
 */
export function withSyntheticBaggage(headers: Record<string, string> = NO_HEADERS): Record<string, string> {
  if (!Object.isFrozen(headers)) return mergeBaggage(headers);
  let merged = mergedFrozen.get(headers);
  if (!merged) {
    merged = Object.freeze(mergeBaggage(headers));
    mergedFrozen.set(headers, merged);
  }
  return merged;
}

function mergeBaggage(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let baggage = SYNTHETIC_BAGGAGE;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'baggage') baggage = `${value},${SYNTHETIC_BAGGAGE}`;
    else out[name] = value;
  }
  out.baggage = baggage;
  return out;
}
