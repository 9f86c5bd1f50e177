import { heldReservationsQuerySchema, releaseAbandonedRequestSchema } from '../src';

const ID = '3f1c2b9a-8d7e-4c6b-9a5f-1e2d3c4b5a69';

function firstIssue(schema: { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? undefined : `${result.error!.issues[0].path.join('.')}: ${result.error!.issues[0].message}`;
}

describe('the abandoned-reservation sweep shapes', () => {
  it('reads a held-reservations query string, with a default page size', () => {
    expect(heldReservationsQuerySchema.parse({ olderThanMs: '60000' })).toEqual({ olderThanMs: 60_000, limit: 200 });
    const cursor = { afterCreatedAt: '2025-01-02T03:04:05.123456Z', afterOrderId: ID };
    expect(heldReservationsQuerySchema.parse({ olderThanMs: '1', limit: '5', ...cursor })).toEqual({ olderThanMs: 1, limit: 5, ...cursor });
  });

  it.each([
    [{}, /^olderThanMs: must be a number of milliseconds/],
    [{ olderThanMs: 'soon' }, /^olderThanMs: must be a number of milliseconds/],
    [{ olderThanMs: '0' }, /^olderThanMs: /],
    [{ olderThanMs: '1.5' }, /^olderThanMs: must be a whole number/],
    [{ olderThanMs: '1000', limit: '1001' }, /^limit: /],
    [{ olderThanMs: '1000', afterCreatedAt: 'yesterday' }, /^afterCreatedAt: must be an ISO 8601 UTC timestamp/],
    [{ olderThanMs: '1000', afterOrderId: ID }, /^afterOrderId: goes with afterCreatedAt/],
    [{ olderThanMs: '1000', status: 'held' }, /^: Unrecognized key/],
  ])('names the field of a bad query %j', (input, message) => {
    expect(firstIssue(heldReservationsQuerySchema, input)).toMatch(message);
  });

  it('accepts 1 to 1000 order ids and a whole positive age', () => {
    expect(releaseAbandonedRequestSchema.parse({ orderIds: [ID], olderThanMs: 60_000 })).toEqual({ orderIds: [ID], olderThanMs: 60_000 });
    expect(firstIssue(releaseAbandonedRequestSchema, { orderIds: [], olderThanMs: 1 })).toMatch(/^orderIds: /);
    expect(firstIssue(releaseAbandonedRequestSchema, { orderIds: [ID, 'nope'], olderThanMs: 1 })).toBe('orderIds.1: must be a UUID');
    expect(firstIssue(releaseAbandonedRequestSchema, { orderIds: [ID], olderThanMs: '60000' })).toMatch(/^olderThanMs: must be a number/);
    expect(firstIssue(releaseAbandonedRequestSchema, { orderIds: [ID] })).toMatch(/^olderThanMs: /);
  });
});
