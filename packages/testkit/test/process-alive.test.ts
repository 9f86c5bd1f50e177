import { isProcessAlive } from '../src';

describe('isProcessAlive', () => {
  it('finds this process', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
  });

  // kill(0) and kill(-n) address process groups: a caller that then sends SIGKILL would end its own.
  it.each([0, -1, Number.NaN, 1.5])('says no for %p, which names no single process', (pid) => {
    expect(isProcessAlive(pid)).toBe(false);
  });
});
