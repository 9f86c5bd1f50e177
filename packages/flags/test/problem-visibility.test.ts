// What the console shows of the switches during a challenge, and the problem → fix table.
import { DEFAULT_FLAGS, PROBLEM_FIXES, PROBLEM_NAMES, REQUEST_PATH_PROBLEMS, markProblemsHidden, problemsHidden, publicFlagSnapshot, type FlagSnapshot } from '../src';

const snapshot = (): FlagSnapshot => ({ flags: { ...DEFAULT_FLAGS, 'problem.pool': true }, pending: { 'fix.index': true }, index: 'building' });

describe('publicFlagSnapshot', () => {
  it('shows every switch when no challenge runs', () => {
    const plain = snapshot();
    expect(problemsHidden(plain.flags)).toBe(false);
    expect(publicFlagSnapshot(plain)).toEqual(plain);
  });

  it('withholds every problem switch, on or off, while a challenge runs', () => {
    const during = snapshot();
    markProblemsHidden(during.flags);
    const shown = publicFlagSnapshot(during);
    expect(Object.keys(shown.flags).filter((name) => name.startsWith('problem.'))).toEqual([]);
    expect(shown.flags['fix.pool']).toBe(false);
    expect(shown).toMatchObject({ pending: { 'fix.index': true }, index: 'building', hidden: PROBLEM_NAMES });
    // The services still act on the real values.
    expect(during.flags['problem.pool']).toBe(true);
  });
});

describe('PROBLEM_FIXES', () => {
  it('names a fix switch for every problem switch', () => {
    expect(Object.keys(PROBLEM_FIXES).sort()).toEqual([...PROBLEM_NAMES].sort());
    for (const fix of Object.values(PROBLEM_FIXES)) expect(fix in DEFAULT_FLAGS).toBe(true);
    expect(PROBLEM_FIXES['problem.slow-consumer']).toBe('fix.consumers');
  });

  it('withholds the slow consumer like every other problem while a challenge runs', () => {
    const during: FlagSnapshot = { flags: markProblemsHidden({ ...DEFAULT_FLAGS, 'problem.slow-consumer': true }), pending: { 'problem.slow-consumer': false }, index: 'ready' };
    const shown = publicFlagSnapshot(during);
    expect(shown.flags).not.toHaveProperty('problem.slow-consumer');
    expect(shown.pending).toEqual({});
    expect(shown.flags['fix.consumers']).toBe(false);
    expect(shown.hidden).toContain('problem.slow-consumer');
  });
});

describe('REQUEST_PATH_PROBLEMS', () => {
  it('holds the problems a checkout latency check can judge: every one but the slow consumer', () => {
    expect(REQUEST_PATH_PROBLEMS).toEqual(['problem.sync-cpu', 'problem.pool', 'problem.hot-row', 'problem.retries']);
  });
});
