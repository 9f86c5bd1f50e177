import { CoalescedReads } from '../src/query-plan/coalesced-reads';

/** Reads whose answers the test gives by hand, on a clock the test moves. */
function manualReads() {
  const clock = { now: 0 };
  const answers: Array<(value: string) => void> = [];
  const reads = new CoalescedReads<string>(() => new Promise((resolve) => answers.push(resolve)), () => clock.now);
  return { clock, answers, reads };
}

describe('coalesced reads', () => {
  it('lets one read in flight serve every caller whose moment came before it began', async () => {
    const { clock, answers, reads } = manualReads();
    clock.now = 10;
    const first = reads.after(5);
    clock.now = 12;
    const second = reads.after(8);
    const third = reads.after(10);
    expect(answers).toHaveLength(1);
    answers[0]('snapshot-a');
    await expect(Promise.all([first, second, third])).resolves.toEqual(['snapshot-a', 'snapshot-a', 'snapshot-a']);
  });

  it('starts a new read for a caller whose moment came after the latest read began, answered or not', async () => {
    const { clock, answers, reads } = manualReads();
    clock.now = 10;
    const early = reads.after(5);
    clock.now = 20;
    const late = reads.after(15);
    expect(answers).toHaveLength(2);
    answers[1]('snapshot-b');
    answers[0]('snapshot-a');
    await expect(Promise.all([early, late])).resolves.toEqual(['snapshot-a', 'snapshot-b']);
    // The answered read began at 20: it serves a moment of 20, not one of 21.
    clock.now = 30;
    await expect(reads.after(20)).resolves.toBe('snapshot-b');
    expect(answers).toHaveLength(2);
    void reads.after(21);
    expect(answers).toHaveLength(3);
  });

  it('tells an answer begun after a moment only once it has come, and starts nothing when asked', async () => {
    const { clock, answers, reads } = manualReads();
    expect(reads.answeredAfter(0)).toBeUndefined();
    clock.now = 10;
    const read = reads.after(5);
    expect(reads.answeredAfter(5)).toBeUndefined();
    answers[0]('snapshot-a');
    await read;
    expect(reads.answeredAfter(5)).toEqual({ value: 'snapshot-a' });
    expect(reads.answeredAfter(10)).toEqual({ value: 'snapshot-a' });
    expect(reads.answeredAfter(11)).toBeUndefined();
    expect(answers).toHaveLength(1);
  });
});
