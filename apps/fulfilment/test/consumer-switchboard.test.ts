import { ConsumerSwitchboard } from '../src/consumer-switchboard';

/** A worker that records each restart and lets the test decide when one finishes. */
function recordingWorker() {
  const calls: number[] = [];
  let running = 0;
  let overlapped = false;
  return {
    calls,
    overlapped: () => overlapped,
    async setConcurrency(concurrency: number) {
      running++;
      if (running > 1) overlapped = true;
      calls.push(concurrency);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
    },
  };
}

describe('ConsumerSwitchboard', () => {
  it('restarts one at a time, each with the concurrency wanted when its turn comes', async () => {
    const worker = recordingWorker();
    let wanted = 4;
    const board = new ConsumerSwitchboard({ worker, concurrency: () => wanted, onError: () => undefined });
    await board.start();
    wanted = 1;
    const first = board.apply();
    wanted = 16;
    await Promise.all([first, board.apply()]);
    expect(worker.calls).toEqual([4, 16, 16]);
    expect(worker.overlapped()).toBe(false);
  });

  it('reports a failed restart and applies nothing once stopped', async () => {
    const errors: Error[] = [];
    const calls: number[] = [];
    const worker = {
      async setConcurrency(concurrency: number) {
        calls.push(concurrency);
        throw new Error('database away');
      },
    };
    const board = new ConsumerSwitchboard({ worker, concurrency: () => 2, onError: (e) => errors.push(e) });
    await board.apply();
    expect(errors.map((e) => e.message)).toEqual(['database away']);
    await board.stop();
    await board.apply();
    expect(calls).toEqual([2]);
  });
});
