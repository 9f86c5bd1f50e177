import { dbCollectionName, dbOperationName, dbSpanName } from '../src/db-span-name';

describe('database span names', () => {
  it.each([
    ['SELECT sku, name FROM products WHERE sku = $1', 'SELECT', 'products'],
    ['  update products SET on_hand = on_hand - $2 WHERE sku = $1', 'UPDATE', 'products'],
    ['INSERT INTO order_items (order_id, sku) VALUES ($1, $2) ON CONFLICT DO UPDATE SET sku = $2', 'INSERT', 'order_items'],
    ['DELETE FROM public."Orders" WHERE id = $1', 'DELETE', 'public.Orders'],
    ['SELECT o.id FROM orders o JOIN order_items i ON i.order_id = o.id', 'SELECT', 'orders'],
    ['COMMIT;', 'COMMIT', undefined],
    ['SELECT $1::int AS x', 'SELECT', undefined],
  ])('%s → %s %s', (text, operation, collection) => {
    expect(dbOperationName(text)).toBe(operation);
    expect(dbCollectionName(text)).toBe(collection);
  });

  it('names the span after the collection, else the namespace, else the system', () => {
    expect(dbSpanName('SELECT', 'products', 'tracecart')).toBe('SELECT products');
    expect(dbSpanName('COMMIT', undefined, 'tracecart')).toBe('COMMIT tracecart');
    expect(dbSpanName('BEGIN', undefined, undefined)).toBe('BEGIN');
    expect(dbSpanName(undefined, undefined, 'tracecart')).toBe('postgresql tracecart');
    expect(dbOperationName('  ')).toBeUndefined();
  });
});
