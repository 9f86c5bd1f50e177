import { isProcessAlive, redisCommand, startPrivateRedis, type PrivateRedis } from '../src';

describe('startPrivateRedis', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(() => redis?.destroy());

  it('serves on an ephemeral 127.0.0.1 port, not the machine Redis', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(redis.port).not.toBe(6379);
    expect(await redisCommand(redis.port, ['SET', 'k', 'v'])).toBe('+OK');
    expect(await redisCommand(redis.port, ['DBSIZE'])).toBe(':1');
  });

  it('kill() ends it by pid; start() brings it back on the same port, empty', async () => {
    const pid = redis.pid()!;
    await redis.kill();
    expect(redis.isRunning()).toBe(false);
    expect(isProcessAlive(pid)).toBe(false);
    await expect(redisCommand(redis.port, ['PING'])).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await redis.start();
    expect(redis.pid()).not.toBe(pid);
    expect(await redisCommand(redis.port, ['DBSIZE'])).toBe(':0');
  });

  it('destroy() kills it', async () => {
    const pid = redis.pid()!;
    await redis.destroy();
    expect(isProcessAlive(pid)).toBe(false);
  });
});
