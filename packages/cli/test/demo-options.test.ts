import path from 'node:path';
import { UsageError } from '../src/command';
import { DemoError } from '../src/demo/demo-error';
import { readDemoOptions } from '../src/demo/demo-options';

describe('lab demo options', () => {
  it('defaults to the 1M catalog, the embedded database in a folder of its own (none named) and local Redis', () => {
    const options = readDemoOptions([], {});
    expect(options).toEqual({
      catalogSize: 1_000_000,
      keepData: false,
      dataDir: undefined,
      databaseUrl: undefined,
      redisUrl: 'redis://127.0.0.1:6379',
    });
  });

  it('lets --catalog-size override CATALOG_SIZE, in both spellings', () => {
    expect(readDemoOptions([], { CATALOG_SIZE: '5000' }).catalogSize).toBe(5000);
    expect(readDemoOptions(['--catalog-size', '2000'], { CATALOG_SIZE: '5000' }).catalogSize).toBe(2000);
    expect(readDemoOptions(['--catalog-size=3000'], {}).catalogSize).toBe(3000);
  });

  it('reads --keep-data, --data-dir, LAB_DATA_DIR, DATABASE_URL and REDIS_URL', () => {
    const options = readDemoOptions(['--keep-data', '--data-dir', 'rel/dir'], {
      LAB_DATA_DIR: '/elsewhere',
      DATABASE_URL: 'postgres://u@db:5432/x',
      REDIS_URL: 'redis://cache:6380',
    });
    expect(options).toMatchObject({ keepData: true, dataDir: path.resolve('rel/dir'), databaseUrl: 'postgres://u@db:5432/x', redisUrl: 'redis://cache:6380' });
    expect(readDemoOptions([], { LAB_DATA_DIR: '/elsewhere' }).dataDir).toBe('/elsewhere');
  });

  it('names the setting that is wrong, in one line', () => {
    expect(() => readDemoOptions([], { CATALOG_SIZE: 'lots' })).toThrow(new DemoError('CATALOG_SIZE must be an integer from 1 to 9999999, got "lots"'));
    expect(() => readDemoOptions(['--catalog-size', '0'], {})).toThrow(/^--catalog-size must be an integer/);
    expect(() => readDemoOptions([], { DATABASE_URL: 'mysql://x/y' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => readDemoOptions([], { DATABASE_URL: 'not a url' })).toThrow(DemoError);
    expect(() => readDemoOptions(['--fast'], {})).toThrow(UsageError);
    expect(() => readDemoOptions(['--keep-data=yes'], {})).toThrow(/'--keep-data' does not take an argument\nusage: lab demo/);
    expect(() => readDemoOptions(['--data-dir'], {})).toThrow(UsageError);
  });
});
