/** Where the demo tells a person what it is doing. */
export interface Progress {
  /** One line from the launcher itself. */
  note(message: string): void;
  /** Announces a step, runs it, and reports how it ended and how long it took. */
  step<T>(label: string, work: () => Promise<T>, outcome?: (result: T) => string): Promise<T>;
  /** A running count: rewritten in place on a terminal, a line per tenth elsewhere. */
  count(label: string, done: number, total: number): void;
  /** A line from a child process, under its name. */
  child(name: string, line: string): void;
}

/** Width of the name column that starts every line. */
const NAME_WIDTH = 10;

/** A line under a name column: `gateway    | listening port=8080`. */
export function labelLine(name: string, text: string): string {
  return `${name.padEnd(NAME_WIDTH)} | ${text}`;
}

/** Seconds with one decimal, for "done in 1.2 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const formatCount = (n: number) => n.toLocaleString('en-US');

/** A Progress that writes to `out` (a terminal gets the in-place counter). */
export function createProgress(out: NodeJS.WritableStream & { isTTY?: boolean }): Progress {
  let openCount = false; // a counter line without its newline yet
  let lastTenth = -1;
  const write = (line: string) => {
    out.write(`${openCount ? '\n' : ''}${line}\n`);
    openCount = false;
  };
  return {
    note: (message) => write(labelLine('lab', message)),
    child: (name, line) => write(labelLine(name, line)),
    async step(label, work, outcome) {
      write(labelLine('lab', `${label}...`));
      const started = Date.now();
      const result = await work();
      const detail = outcome ? outcome(result) : 'done';
      write(labelLine('lab', `${label}: ${detail} (${formatSeconds(Date.now() - started)})`));
      return result;
    },
    count(label, done, total) {
      const text = labelLine('lab', `${label} ${formatCount(done)} / ${formatCount(total)} (${Math.floor((done / total) * 100)}%)`);
      if (out.isTTY) {
        out.write(`\r${text}`);
        openCount = done < total;
        if (!openCount) out.write('\n');
        return;
      }
      const tenth = Math.floor((done / total) * 10);
      if (tenth === lastTenth && done < total) return;
      lastTenth = tenth;
      write(text);
    },
  };
}
