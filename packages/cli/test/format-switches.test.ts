import { offDefaultWarning } from '../src/load/format-switches';

const row = (name: string, before: string | null, after: string | null) => ({ name, before, after });

describe('compare warns when both runs share switches off their defaults', () => {
  it('names the fixes left on in both runs, as the old walk-through left batch and cache on', () => {
    const warning = offDefaultWarning([
      row('fix.index', 'off', 'on'),
      row('fix.batch', 'on', 'on'),
      row('fix.cache', 'on', 'on'),
      row('chaos.latency', 'ms=0 rate=0', 'ms=0 rate=0'),
    ]);
    expect(warning).toBe(
      "warning: both runs had fix.batch (on) and fix.cache (on), not the defaults: neither is the lab's starting state (npm run lab -- flags reset)",
    );
  });

  it('says nothing when every shared switch is at its default, or a side is unknown', () => {
    expect(offDefaultWarning([row('fix.index', 'off', 'on'), row('fix.batch', 'off', 'off'), row('chaos.errors', 'rate=0', 'rate=0')])).toBeNull();
    expect(offDefaultWarning([row('fix.batch', null, null)])).toBeNull();
  });
});
