/** One `lab <name>` subcommand. */
export interface Command {
  name: string;
  summary: string;
  /** Runs with the arguments after the subcommand name; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

/** A usage mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
