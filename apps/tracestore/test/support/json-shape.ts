function typeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

const SCALARS = new Set(['string', 'number', 'boolean']);

/**
 * Where `actual` does not have the shape of `expected`, recursively: a key of expected missing
 * from actual, or a value of another JSON type; every element of an actual array is held to
 * the first element of the expected one. Both sides are proto3 JSON, which leaves out zero
 * values (0, "", false), so a missing scalar counts as its zero value, not as a difference;
 * a missing object or array does count. Extra keys in actual are allowed for the same reason.
 */
export function shapeDifferences(expected: unknown, actual: unknown, path = '$'): string[] {
  const expectedType = typeOf(expected);
  const actualType = typeOf(actual);
  if (expectedType !== actualType) return [`${path}: expected ${expectedType}, got ${actualType}`];
  if (expectedType === 'array') {
    const [model] = expected as unknown[];
    if (model === undefined) return [];
    return (actual as unknown[]).flatMap((item, i) => shapeDifferences(model, item, `${path}[${i}]`));
  }
  if (expectedType !== 'object') return [];
  const actualObject = actual as Record<string, unknown>;
  return Object.entries(expected as Record<string, unknown>).flatMap(([key, value]) => {
    if (key in actualObject) return shapeDifferences(value, actualObject[key], `${path}.${key}`);
    return SCALARS.has(typeOf(value)) ? [] : [`${path}.${key}: missing`];
  });
}
