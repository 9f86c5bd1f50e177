import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Which of a child's streams a line came from. */
export type OutputStream = 'stdout' | 'stderr';

/** A child's output as lines: the last few kept for error messages. */
export interface OutputLines {
  /** The last lines it printed, oldest first. */
  last(): string[];
  /** Resolves once both streams have ended. */
  ended: Promise<void>;
}

// Enough to show why a service died, few enough for a one-line message.
const KEPT_LINES = 3;

/** Follows stdout and stderr line by line, handing every line to `onLine`. */
export function followOutput(child: ChildProcess, onLine: (line: string, stream: OutputStream) => void): OutputLines {
  const kept: string[] = [];
  const follow = (stream: OutputStream) => {
    const lines = createInterface({ input: child[stream]! });
    lines.on('line', (line) => {
      kept.push(line);
      kept.splice(0, kept.length - KEPT_LINES);
      onLine(line, stream);
    });
    return once(lines, 'close');
  };
  const ended = Promise.all([follow('stdout'), follow('stderr')]).then(() => undefined);
  return { last: () => [...kept], ended };
}
