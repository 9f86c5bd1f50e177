import { pgSpanName } from '../src/pg-span-name';

describe('pgSpanName', () => {
  it.each([
    ['SELECT 1', 'pg.query:SELECT tracecart'],
    ['  \n\tupdate products SET x = 1', 'pg.query:UPDATE tracecart'],
    ['COMMIT;', 'pg.query:COMMIT tracecart'],
    ['WITH\nl AS (SELECT 1) SELECT * FROM l', 'pg.query:WITH tracecart'],
    ['select(1)', 'pg.query:SELECT tracecart'],
  ])('names %j after its first word', (text, name) => {
    expect(pgSpanName(text, 'tracecart')).toBe(name);
  });

  it('falls back to pg.query when the text has no leading word', () => {
    expect(pgSpanName('', 'tracecart')).toBe('pg.query tracecart');
    expect(pgSpanName('(SELECT 1)', 'tracecart')).toBe('pg.query tracecart');
  });

  it('leaves the database out when the client has none', () => {
    expect(pgSpanName('BEGIN', undefined)).toBe('pg.query:BEGIN');
  });
});
