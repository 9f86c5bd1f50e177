import { DEFAULT_FLAGS, FLAG_NAMES, fixAttributes, problemAttributes } from '../src';

describe('switch attributes', () => {
  it('records every fix switch, and only those, under its lab.fix.* attribute', () => {
    const fixes = FLAG_NAMES.filter((name) => name.startsWith('fix.'));
    expect(fixes).toEqual(expect.arrayContaining(['fix.index', 'fix.cache', 'fix.batch', 'fix.offload', 'fix.pool', 'fix.lock', 'fix.retries', 'fix.consumers']));
    const expected = Object.fromEntries(fixes.map((name) => [`lab.${name}`, name === 'fix.cache']));
    expect(fixAttributes({ ...DEFAULT_FLAGS, 'fix.cache': true })).toEqual(expected);
  });

  it('records every problem switch under its lab.problem.* attribute, and no fix or chaos switch', () => {
    const problems = FLAG_NAMES.filter((name) => name.startsWith('problem.'));
    expect(problems).toEqual(['problem.sync-cpu', 'problem.pool', 'problem.hot-row', 'problem.retries', 'problem.slow-consumer']);
    const expected = Object.fromEntries(problems.map((name) => [`lab.${name}`, name === 'problem.pool']));
    expect(problemAttributes({ ...DEFAULT_FLAGS, 'problem.pool': true })).toEqual(expected);
  });
});
